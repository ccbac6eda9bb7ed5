package dev.switchboard.engine.pacemaker;

import java.util.regex.Pattern;

/**
 * What of a crm_mon reading counts as the cluster's state: its XML without the clocks that
 * change at every reading (when it was read, when pacemakerd last answered), so two readings of
 * an unchanged cluster are equal and any other difference (a node attribute, a fail count, a
 * resource anywhere) is a change.
 */
final class CrmMonFingerprint {

    private static final Pattern CLOCKS = Pattern.compile("<last_update\\b[^>]*>|\\slast_updated=\"[^\"]*\"");

    private CrmMonFingerprint() {
    }

    static String of(String crmMonXml) {
        return CLOCKS.matcher(crmMonXml).replaceAll("");
    }
}
