/** @odoo-module **/
import {registry} from "@web/core/registry";

// The exports' download: a hidden frame asks the server for the file, so the
// page stays as it is (the wizard closes). Sending the page itself to the
// file's address would start to leave it, which later series' tours, and
// some browsers, treat as leaving the page.
function partyDownload(env, action) {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.src = action.params.url;
    document.body.appendChild(frame);
    setTimeout(() => frame.remove(), 60000);
    return {type: "ir.actions.act_window_close"};
}

registry.category("actions").add("party_points.download", partyDownload);
