package io.github.gb28181.camel.sip.command;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SNs the platform writes into its queries and commands: unique per platform, so an answer's SN (with its
 * device and CmdType) finds the request it answers. Starts at a random point so a restarted platform does not take
 * a late answer to its predecessor's query for its own.
 */
public final class SnSequence {

    private static final int MAX = 999_999_999;

    private final AtomicInteger next = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 1_000_000));

    public int next() {
        return next.getAndUpdate(n -> n >= MAX ? 1 : n + 1);
    }
}
