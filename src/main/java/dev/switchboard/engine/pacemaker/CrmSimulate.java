package dev.switchboard.engine.pacemaker;

import dev.switchboard.engine.PlannedAction;
import java.util.List;
import org.w3c.dom.Element;

/** The transition {@code crm_simulate -S --output-as=xml} would run: the stops and starts, in order. */
final class CrmSimulate {

    private CrmSimulate() {
    }

    static List<PlannedAction> transition(String xml) {
        Element root = CrmMon.document(xml).getDocumentElement();
        return CrmMon.children(CrmMon.first(root, "transition"), "rsc_action").stream()
                .filter(a -> a.getAttribute("op").equals("stop") || a.getAttribute("op").equals("start"))
                .map(a -> new PlannedAction(a.getAttribute("op"), a.getAttribute("resource"), a.getAttribute("node")))
                .toList();
    }
}
