/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

const tours = registry.category("web_tour.tours");

// An internal member (no officer rights) claims a claimable item from the
// back office and submits it.
tours.add("party_points_internal_claim", partyTour({
    url: "/web#action=party_points.party_points_entry_action",
    steps: () => [
        {
            content: "New claim",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The member is the user himself",
            trigger: ".o_field_widget[name=member_id] input",
            run: function () {
                if (this.anchor.value !== "Member Zhang") {
                    console.error("The claim's member is not the user's own record");
                }
            },
        },
        {
            content: "Type the rule",
            trigger: ".o_field_widget[name=rule_id] input",
            run: "edit MEET",
        },
        {
            content: "Pick the rule",
            trigger: ".o-autocomplete--dropdown-menu a:contains('MEET')",
            run: "click",
        },
        {
            content: "Open the date (a filled date is a button until then, since 19.0)",
            trigger: ".o_field_widget[name=date] .o_input",
            run: "click",
        },
        {
            content: "The day of the meeting",
            trigger: ".o_field_widget[name=date] input",
            run: "edit 02/12/2031",
        },
        {
            content: "Say what was done",
            trigger: ".o_field_widget[name=description] textarea",
            run: "edit 参加支部主题党日活动",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved as a draft",
            trigger: ".o_breadcrumb:contains('Member Zhang')",
        },
        {
            content: "Submit",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "Submitted",
            // a narrow form folds the status bar into a dropdown
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Submitted'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Submitted')",
        },
    ],
}));

// An officer rejects two entries from the list (select rows, action menu,
// reason wizard) and approves a third with its row button.
tours.add("party_points_list_review", partyTour({
    url: "/web#action=party_points.party_points_entry_action_to_approve&view_type=list",
    steps: () => [
        {
            content: "Select Member Zhang's entry",
            trigger: ".o_data_row:contains('Member Zhang') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Select Member Sun's MEET entry",
            trigger: ".o_data_row:contains('Member Sun'):contains('MEET') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Open the action menu",
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Reject the selected entries",
            trigger: ".o-dropdown--menu .dropdown-item:contains('Reject Entries')",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".o_field_widget[name=reason] textarea",
            run: "edit 佐证材料不足",
        },
        {
            content: "Confirm",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The rejected entries leave the queue",
            trigger: ".o_list_renderer:not(:has(.o_data_row:contains('Member Zhang')))",
        },
        {
            content: "Approve Member Sun's ESSAY entry from its row",
            trigger: ".o_data_row:contains('ESSAY') button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved: it leaves the queue",
            trigger: ".o_list_renderer:not(:has(.o_data_row:contains('ESSAY')))",
        },
    ],
}));

// An officer approves one entry with the button on its kanban card and
// rejects another through the card's Reject button and the reason wizard.
tours.add("party_points_kanban_review", partyTour({
    url: "/web#action=party_points.party_points_entry_action_to_approve",
    steps: () => [
        {
            content: "Approve Member Zhang's entry on its card",
            trigger: ".o_kanban_record:contains('Member Zhang') button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved: the card leaves the queue",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:contains('Member Zhang')))",
        },
        {
            content: "Reject Member Sun's entry on its card",
            trigger: ".o_kanban_record:contains('Member Sun') .o_party_card_reject",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".o_field_widget[name=reason] textarea",
            run: "edit 非本季度活动",
        },
        {
            content: "Confirm",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Rejected: the card leaves the queue",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:contains('Member Sun')))",
            in_modal: false,
        },
    ],
}));

// An officer reverses an approved entry from its form, with a reason.
tours.add("party_points_reverse", partyTour({
    // started on the record by the test
    steps: () => [
        {
            content: "Reverse",
            trigger: ".o_statusbar_buttons button:contains('Reverse')",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".o_field_widget[name=reason] textarea",
            run: "edit 录入错误，冲销",
        },
        {
            content: "Confirm",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The entry shows it was reversed",
            trigger: ".ribbon:contains('Reversed')",
        },
    ],
}));

// The committee tries to close a period with a pending entry, follows the
// refusal to that entry, approves it, comes back and closes the period.
tours.add("party_points_close_period", partyTour({
    // started on the record by the test
    steps: () => [
        {
            content: "Close the period",
            trigger: ".o_statusbar_buttons button[name=action_close]",
            run: "click",
        },
        {
            content: "Confirm the closing",
            trigger: ".modal-footer .btn-primary",
            in_modal: false,
            run: "click",
        },
        {
            content: "Refused: follow the link to the pending entries",
            trigger: ".modal:contains('still drafts or wait for approval') .modal-footer button.btn-primary:contains('Show these entries')",
            in_modal: false,
            run: "click",
        },
        {
            content: "Open the pending entry",
            trigger: ".o_data_row:contains('Member Zhang') .o_data_cell[name=member_id]",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_approve]",
            run: "click",
        },
        {
            content: "Approved",
            // a narrow form folds the status bar into a dropdown
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Approved'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Approved')",
        },
        {
            content: "Back to the period",
            trigger: ".o_breadcrumb a:contains('2031 Q1')",
            run: "click",
        },
        {
            content: "Close the period again",
            trigger: ".o_statusbar_buttons button[name=action_close]",
            run: "click",
        },
        {
            content: "Confirm the closing",
            trigger: ".modal-footer .btn-primary",
            in_modal: false,
            run: "click",
        },
        {
            content: "Closed",
            // a narrow form folds the status bar into a dropdown
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Closed'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Closed')",
        },
    ],
}));

// An officer exports the period's points ledger from the period form.
tours.add("party_points_export", partyTour({
    // started on the record by the test
    steps: () => [
        {
            content: "Export the ledger",
            trigger: ".o_statusbar_buttons button:contains('Export Ledger')",
            run: "click",
        },
        {
            content: "The period is filled in",
            trigger: ".o_field_widget[name=period_id] input",
            run: function () {
                if (this.anchor.value !== "2031 Q1") {
                    console.error("The export does not default to the period");
                }
            },
        },
        {
            content: "Export",
            trigger: "button[name=action_export]",
            run: function () {
                this.anchor.click();
                // the browser asks for the file; give the request time to
                // leave before the tour ends and the browser stops
                setTimeout(() => document.body.classList.add("o_party_export_asked"), 2000);
            },
        },
        {
            content: "The download was asked for",
            trigger: "body.o_party_export_asked",
            in_modal: false,
        },
    ],
}));
