/** @odoo-module **/
import {registry} from "@web/core/registry";
import {partyTour} from "@party_points/tours/tour_series";

const tours = registry.category("web_tour.tours");

// A branch officer takes an assessed implementation item through the whole
// ledger: classify, reply, start the work, send it to verification and
// record the representatives' verification, which closes it.
tours.add("party_ledger_suggestion_flow", partyTour({
    // started on the item by the test
    steps: () => [
        {
            content: "Classify",
            trigger: ".o_statusbar_buttons button[name=action_classify]",
            run: "click",
        },
        {
            content: "Classified",
            // a narrow form folds the status bar into a dropdown
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Classified'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Classified')",
        },
        {
            content: "Reply to the employee",
            trigger: ".o_statusbar_buttons button[name=action_open_wizard]:contains('Reply')",
            run: "click",
        },
        {
            content: "Write the reply",
            trigger: ".o_field_widget[name=text] textarea",
            run: "edit 已安排车间本周内加装防尘罩。",
        },
        {
            content: "Send the reply",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Start the work",
            trigger: ".o_statusbar_buttons button[name=action_start]",
            run: "click",
        },
        {
            content: "In progress",
            // a narrow form folds the status bar into a dropdown
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('In Progress'), " +
                ".o_statusbar_status .dropdown-toggle:contains('In Progress')",
        },
        {
            content: "Send to verification",
            trigger: ".o_statusbar_buttons button[name=action_submit_verification]",
            run: "click",
        },
        {
            content: "Verify and close",
            trigger: ".o_statusbar_buttons button[name=action_open_wizard]:contains('Verify and Close')",
            run: "click",
        },
        {
            content: "The zone's employee representative is proposed",
            trigger: ".o_field_widget[name=verifier_ids] .o_tag:contains('Worker Ma')",
        },
        {
            content: "Write what the representatives found",
            trigger: ".o_field_widget[name=text] textarea",
            run: "edit 现场查看，防尘罩已装好，粉尘明显减少。",
        },
        {
            content: "Confirm",
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Done",
            // a narrow form folds the status bar into a dropdown
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Done'), " +
                ".o_statusbar_status .dropdown-toggle:contains('Done')",
        },
    ],
}));

// A branch officer creates a key project with two monthly tasks.
tours.add("party_ledger_key_project", partyTour({
    url: "/web#action=party_ledger.party_practical_project_action",
    steps: () => [
        {
            content: "New key project",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 职工食堂夜班餐",
        },
        {
            content: "Type the branch",
            trigger: ".o_field_widget[name=branch_id] input",
            run: "edit Branch A",
        },
        {
            content: "Pick the branch",
            trigger: ".o-autocomplete--dropdown-menu a:contains('Branch A')",
            run: "click",
        },
        {
            content: "The deadline",
            trigger: ".o_field_widget[name=date_deadline] input",
            run: "edit 06/30/2031",
        },
        {
            content: "Open the monthly tasks",
            trigger: ".nav-link:contains('Monthly Tasks')",
            run: "click",
        },
        {
            content: "Add a monthly task",
            trigger: ".o_field_widget[name=milestone_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Its task",
            trigger: ".o_field_widget[name=milestone_ids] .o_selected_row .o_field_widget[name=task] input",
            run: "edit 调研夜班就餐需求",
        },
        {
            content: "Its month",
            trigger: ".o_field_widget[name=milestone_ids] .o_selected_row .o_field_widget[name=month] input",
            run: "edit 04/15/2031",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Add a monthly task",
            trigger: ".o_field_widget[name=milestone_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Its task",
            trigger: ".o_field_widget[name=milestone_ids] .o_selected_row .o_field_widget[name=task] input",
            run: "edit 开设夜班窗口",
        },
        {
            content: "Its month",
            trigger: ".o_field_widget[name=milestone_ids] .o_selected_row .o_field_widget[name=month] input",
            run: "edit 05/10/2031",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Both tasks are kept",
            trigger: ".o_field_widget[name=milestone_ids]:has(.o_data_row:contains('调研夜班就餐需求')):has(.o_data_row:contains('开设夜班窗口'))",
        },
    ],
}));

// A branch officer exports the suggestion ledger.
tours.add("party_ledger_export", partyTour({
    url: "/web#action=party_ledger.party_suggestion_export_action",
    steps: () => [
        {
            content: "Open the start date (a filled date is a button until then, since 19.0)",
            trigger: ".o_field_widget[name=date_from] .o_input",
            run: "click",
        },
        {
            content: "From the first day of 2026",
            trigger: ".o_field_widget[name=date_from] input",
            run: "edit 01/01/2026",
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
