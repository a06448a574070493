package io.github.gb28181.camel.sip.transport;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workers' queue in a storm: strangers' datagrams never take the last free worker, so a registered device's
 * keepalive is taken at once even while new devices' REGISTERs keep every other worker busy; and it goes before the
 * answers to the platform's queries that those registrations set off.
 */
class AdmissionQueueTest {

    private final Admission admission = new Admission(OverloadSettings.DEFAULTS);
    private final AdmissionQueue queue = new AdmissionQueue(admission, System::currentTimeMillis, 4, 1);

    @Test
    void aKeepaliveFindsAFreeWorkerWhileStrangersKeepTheOthersBusy() throws Exception {
        for (int i = 0; i < 10; i++) {
            queue.add(datagram("REGISTER " + i), Admission.Verdict.NORMAL);
        }
        ExecutorService workers = Executors.newFixedThreadPool(4);
        BlockingQueue<String> taken = holdingWorkers(workers);
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(taken.poll(5, TimeUnit.SECONDS)).startsWith("REGISTER");
            }
            assertThat(taken.poll(300, TimeUnit.MILLISECONDS)).as("a fourth stranger taken").isNull();
            assertThat(queue.normalDepth()).isEqualTo(7);

            queue.add(datagram("MESSAGE keepalive"), Admission.Verdict.PRIORITY);
            assertThat(taken.poll(5, TimeUnit.SECONDS)).isEqualTo("MESSAGE keepalive");
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aWorkerBackForMoreReleasesItsHoldOnAStranger() throws Exception {
        for (int i = 0; i < 5; i++) {
            queue.add(datagram("REGISTER " + i), Admission.Verdict.NORMAL);
        }
        // one worker, five times: each take ends the hold of the one before, so strangers keep flowing
        for (int i = 0; i < 5; i++) {
            assertThat(text(queue.poll(1, TimeUnit.SECONDS))).isEqualTo("REGISTER " + i);
        }
        assertThat(queue.normalDepth()).isZero();
    }

    @Test
    void afterAKnownDeviceWaitedTooLongStrangersKeepToOneWorkerForASecond() throws Exception {
        long started = System.currentTimeMillis();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            // a keepalive that waited past the lag threshold: the known devices are falling behind
            BlockingQueue<String> taken = easedAfter(workers, "MESSAGE keepalive", Admission.Verdict.PRIORITY);

            // a stranger that comes just before the second has passed (the first ten have expired by then) waits for
            // its end, and is then taken by a waiting worker without anything else to wake it
            Thread.sleep(Math.max(0, started + AdmissionQueue.EASE_MILLIS - 200 - System.currentTimeMillis()));
            queue.add(datagram("REGISTER late"), Admission.Verdict.NORMAL);
            assertThat(taken.poll(3, TimeUnit.SECONDS)).isEqualTo("REGISTER late");
            assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(AdmissionQueue.EASE_MILLIS - 50);
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aKeepaliveIsTakenBeforeAnswersThatCameFirstAndAnswersBeforeStrangers() throws Exception {
        queue.add(datagram("REGISTER stranger"), Admission.Verdict.NORMAL);
        for (int i = 0; i < 3; i++) {
            queue.add(datagram("MESSAGE answer " + i), Admission.Verdict.ANSWER);
        }
        queue.add(datagram("MESSAGE keepalive"), Admission.Verdict.PRIORITY);
        assertThat(queue.answerDepth()).isEqualTo(3);

        assertThat(text(queue.poll(1, TimeUnit.SECONDS))).isEqualTo("MESSAGE keepalive");
        for (int i = 0; i < 3; i++) {
            assertThat(text(queue.poll(1, TimeUnit.SECONDS))).isEqualTo("MESSAGE answer " + i);
        }
        assertThat(text(queue.poll(1, TimeUnit.SECONDS))).isEqualTo("REGISTER stranger");
    }

    @Test
    void anAnswerThatWaitedTooLongAlsoKeepsStrangersToOneWorker() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            easedAfter(workers, "SIP/2.0 200 OK", Admission.Verdict.ANSWER);
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Ten strangers wait, then a known device's datagram that waited past the lag threshold: four workers take it,
     * then a single stranger, because the strangers are eased to one worker. What the workers took.
     */
    private BlockingQueue<String> easedAfter(ExecutorService workers, String late, Admission.Verdict verdict)
            throws Exception {
        for (int i = 0; i < 10; i++) {
            queue.add(datagram("REGISTER " + i), Admission.Verdict.NORMAL);
        }
        queue.add(datagram(late, System.currentTimeMillis() - AdmissionQueue.LAG_MILLIS - 5), verdict);
        BlockingQueue<String> taken = holdingWorkers(workers);
        assertThat(taken.poll(5, TimeUnit.SECONDS)).isEqualTo(late);
        assertThat(taken.poll(5, TimeUnit.SECONDS)).startsWith("REGISTER");
        assertThat(taken.poll(300, TimeUnit.MILLISECONDS)).as("a second stranger while easing").isNull();
        return taken;
    }

    /** Four workers that each take one datagram and then hold it (they never come back for more); what they took. */
    private BlockingQueue<String> holdingWorkers(ExecutorService workers) {
        BlockingQueue<String> taken = new LinkedBlockingQueue<>();
        for (int i = 0; i < 4; i++) {
            workers.submit(() -> {
                taken.add(text(queue.take()));
                return null;
            });
        }
        return taken;
    }

    private static DatagramQueuedMessageDispatch datagram(String text) throws Exception {
        return datagram(text, System.currentTimeMillis());
    }

    private static DatagramQueuedMessageDispatch datagram(String text, long received) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new DatagramQueuedMessageDispatch(
                new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), 5060), received);
    }

    private static String text(DatagramQueuedMessageDispatch datagram) {
        return new String(datagram.packet.getData(), 0, datagram.packet.getLength(),
                StandardCharsets.US_ASCII);
    }
}
