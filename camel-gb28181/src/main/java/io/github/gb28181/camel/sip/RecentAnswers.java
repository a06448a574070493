package io.github.gb28181.camel.sip;

import java.time.Duration;

import io.github.gb28181.camel.sip.transport.RecentEntries;

/**
 * What the requests answered without a transaction were answered, for 4 to 8 s, so that a retransmission gets the
 * same answer: about 150 bytes each, where a jain-sip transaction holds 3.6 KB for 32 s. A UDP client retransmits
 * 0.5, 1.5 and 3.5 s after its request (T1, doubling up to T2), so the answer reaches it unless three copies in a row
 * are lost; a request that comes back later still is handled as new, which for what is answered without a
 * transaction costs a second event at worst.
 */
final class RecentAnswers {

    /** A request seen and not yet answered: its retransmission waits for the answer (the client sends it again). */
    static final Answer PENDING = new Answer(0, null);
    /** Nearly every answer: shared rather than one per request. */
    private static final Answer OK = new Answer(200, "OK");

    private final RecentEntries<Answer> answers = new RecentEntries<>(Duration.ofSeconds(4));

    record Answer(int status, String reason) {
        boolean isFinal() {
            return status >= 200;
        }
    }

    /** @return null the first time a request is seen (it is remembered as pending), else what it was answered */
    Answer seen(String key) {
        return answers.putIfAbsent(key, PENDING);
    }

    void answered(String key, int status, String reason) {
        answers.put(key, status == OK.status() && OK.reason().equals(reason) ? OK : new Answer(status, reason));
    }
}
