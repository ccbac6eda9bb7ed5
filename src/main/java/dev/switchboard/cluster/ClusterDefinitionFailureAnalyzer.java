package dev.switchboard.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken cluster.yml into the list of its problems instead of a stack trace. */
class ClusterDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<ClusterDefinitionInvalid> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ClusterDefinitionInvalid cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct the keys listed above in " + cause.file()
                + " and start Switchboard again.", cause);
    }
}
