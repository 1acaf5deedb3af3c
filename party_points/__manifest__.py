{
    "name": "Party Member Points",
    "summary": "Party branches and members, positive and negative lists, "
    "one-vote vetoes, an approved points ledger, period scores, ranks and grades",
    "version": "17.0.1.0.0",
    "category": "Human Resources",
    "author": "Party Work Apps",
    "license": "LGPL-3",
    "depends": ["hr", "mail", "portal"],
    "data": [
        "security/party_points_security.xml",
        "security/ir.model.access.csv",
        "data/mail_message_subtype_data.xml",
        "data/party_points_ruleset_data.xml",
        "wizard/party_points_wizard_views.xml",
        "views/party_points_menus.xml",
        "views/party_branch_views.xml",
        "views/party_member_views.xml",
        "views/hr_employee_views.xml",
        "views/party_points_ruleset_views.xml",
        "views/party_points_period_views.xml",
        "views/party_points_entry_views.xml",
        "views/party_points_result_views.xml",
        "views/party_points_exemption_views.xml",
        "security/party_points_portal_security.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/party_points_demo.xml",
        "demo/party_points_entry_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "party_points/static/src/tours/*.js",
        ],
    },
    "application": True,
}
