/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

// A branch officer lands on the board, reads the tiles, opens the claims
// waiting through their tile, comes back and approves them all at once.
registry.category("web_tour.tours").add("party_points_board", partyTour({
    url: "/web#action=party_points.party_board_action",
    steps: () => [
        {
            content: "Two claims wait",
            trigger: ".o_party_board_tile_claims .o_party_board_value:contains('2')",
        },
        {
            content: "One draft",
            trigger: ".o_party_board_tile_drafts .o_party_board_value:contains('1')",
        },
        {
            content: "The running standings list the branch's members",
            trigger: ".o_party_board_panel_standings td:contains('Member Sun')",
        },
        {
            content: "Open the claims waiting",
            trigger: ".o_party_board_tile_claims a.card-body",
            run: "click",
        },
        {
            content: "The list of the claims waiting",
            trigger: ".o_breadcrumb:contains('Claims Waiting')",
        },
        {
            content: "The filtered list holds the two claims",
            trigger: ".o_list_view .o_data_row:nth-child(2)",
        },
        {
            content: "Back to the board",
            trigger: ".o_breadcrumb .o_back_button a, .breadcrumb-item:first-child a",
            run: "click",
        },
        {
            content: "Approve all the claims from the board",
            trigger: ".o_party_board_tile_claims .o_party_board_bulk_approve",
            run: "click",
        },
        {
            content: "Nothing waits any more",
            trigger: ".o_party_board_tile_claims .o_party_board_value:contains('0')",
        },
    ],
}));

// ... selects the claims in the list and approves them in one batch.
registry.category("web_tour.tours").add("party_points_bulk_approve_list", partyTour({
    url: "/web#action=party_points.party_points_entry_action_to_approve&view_type=list",
    steps: () => [
        {
            content: "Two claims are listed",
            trigger: ".o_list_view .o_data_row:nth-child(2)",
        },
        {
            content: "Select them all",
            trigger: "thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Approve the selection",
            trigger: ".o_control_panel button[name=action_approve_all]",
            run: "click",
        },
        {
            content: "The list empties (only submitted claims are shown)",
            trigger: ".o_list_view:not(:has(.o_data_row))",
        },
    ],
}));

// ... approves every claim shown in the kanban from its control panel.
registry.category("web_tour.tours").add("party_points_bulk_approve_kanban", partyTour({
    url: "/web#action=party_points.party_points_entry_action_to_approve",
    steps: () => [
        {
            content: "The claims are on the kanban",
            trigger: ".o_kanban_record:contains('Member Sun')",
        },
        {
            content: "On a narrow screen the control panel folds its buttons under New",
            trigger: ".o_control_panel",
            run() {
                const toggler = document.querySelector(
                    ".o_control_panel_collapsed_create.dropdown-toggle"
                );
                if (toggler && toggler.offsetParent) {
                    toggler.click();
                }
            },
        },
        {
            content: "Approve all",
            trigger: ".o_control_panel button[name=action_approve_all]:visible",
            run: "click",
        },
        {
            content: "A notification says how many",
            trigger: ".o_notification:contains('2')",
        },
        {
            content: "No claim is left",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:not(.o_kanban_ghost)))",
        },
    ],
}));
