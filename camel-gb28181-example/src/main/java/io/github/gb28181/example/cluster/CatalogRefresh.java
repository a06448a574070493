package io.github.gb28181.example.cluster;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks every online device for its catalog again, a bounded number at a time. In a cluster one node does it for all
 * (the route runs under Camel's master component): a device another node owns answers that node, which hands the
 * answer over and keeps the registry up to date for everyone.
 */
@Component("catalogRefresh")
public class CatalogRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogRefresh.class);
    private static final int IN_FLIGHT = 32;

    private final DeviceRegistry registry;
    private final ProducerTemplate template;

    public CatalogRefresh(DeviceRegistry registry, ProducerTemplate template) {
        this.registry = registry;
        this.template = template;
    }

    public void refreshAll() throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        int asked = 0;
        for (Device device : registry.onlineDevices()) {
            slots.acquire();
            asked++;
            template.asyncSend("gb28181:catalog", e -> e.getIn().setHeader(Gb28181Constants.DEVICE_ID,
                    device.getDeviceId())).whenComplete((exchange, error) -> {
                        if (error != null || exchange.getException() != null) {
                            failed.incrementAndGet();
                        }
                        slots.release();
                    });
        }
        slots.acquire(IN_FLIGHT);
        LOG.info("Catalog refresh: {} devices asked, {} did not answer", asked, failed.get());
    }
}
