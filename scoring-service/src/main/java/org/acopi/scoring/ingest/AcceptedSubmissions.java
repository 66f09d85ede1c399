package org.acopi.scoring.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of the submissions this instance has published, by submission id, so that a retried POST of the same
 * submission answers the same and publishes nothing (the newest {@value #CAPACITY} are kept). A retry after a
 * restart is published again with the same submission id and content; scoring then re-emits the same score.
 */
final class AcceptedSubmissions {

    static final int CAPACITY = 10_000;

    private final Map<String, Object> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Object answerOf(String submissionId) {
        return answers.get(submissionId);
    }

    synchronized void remember(String submissionId, Object answer) {
        answers.put(submissionId, answer);
    }
}
