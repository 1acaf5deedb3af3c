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
        "views/party_points_menus.xml",
        "views/party_branch_views.xml",
        "views/party_member_views.xml",
        "views/hr_employee_views.xml",
    ],
    "demo": [
        "demo/party_points_demo.xml",
    ],
    "application": True,
}
