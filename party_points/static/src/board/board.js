/** @odoo-module **/
/* The officer's first screen (支部工作看板): tiles of what needs doing and
 * panels of how the branches stand, from ONE call to
 * party.branch.get_board_data(); every tile opens its filtered list. */

import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

export class PartyBoard extends Component {
    static template = "party_points.Board";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.notification = useService("notification");
        this.state = useState({ data: null, busy: false });
        onWillStart(() => this.load());
    }

    async load() {
        const data = await this.orm.call("party.branch", "get_board_data", []);
        if (data.redirect) {
            await this.actionService.doAction(data.redirect, { clearBreadcrumbs: true });
            return;
        }
        this.state.data = data;
    }

    open(action) {
        if (action) {
            this.actionService.doAction(action);
        }
    }

    async bulkApprove(tile) {
        this.state.busy = true;
        try {
            const result = await this.orm.call("party.points.entry", "action_approve_all", [[]], {
                context: { active_domain: tile.action.domain },
            });
            const params = (result && result.params) || {};
            this.notification.add(params.message || "", { type: params.type || "success" });
            await this.load();
        } finally {
            this.state.busy = false;
        }
    }

    cell(row, column) {
        const value = row[column.key];
        return value === undefined || value === null || value === false ? "" : value;
    }
}

registry.category("actions").add("party_points.board", PartyBoard);
