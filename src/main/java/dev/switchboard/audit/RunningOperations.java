package dev.switchboard.audit;

import java.util.Optional;

/** Which operation holds a group right now, so engine events during it are filed under that operation. */
public interface RunningOperations {

    Optional<String> operationOn(String group);
}
