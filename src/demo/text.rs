//! Word lists the demo generator draws names and texts from. Fixed lists (rather than a faker
//! crate) keep the output stable across releases, see [`super::rng`].

pub(crate) const FIRST_NAMES: &[&str] = &[
    "Ava", "Liam", "Noah", "Emma", "Olivia", "Mateo", "Sofia", "Lucas", "Mia", "Ethan", "Amara",
    "Kenji", "Priya", "Diego", "Hannah", "Omar", "Leila", "Jonas", "Freya", "Ravi", "Chloe",
    "Tomas", "Yuki", "Nina", "Samuel", "Zara", "Felix", "Ingrid", "Kwame", "Elena", "Marco",
    "Aisha", "Daniel", "Greta", "Hugo", "Isla", "Jamal", "Keiko", "Lars", "Maya",
];

pub(crate) const LAST_NAMES: &[&str] = &[
    "Anderson",
    "Berg",
    "Chen",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Johansson",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Patel",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Uddin",
    "Varga",
    "Williams",
    "Xu",
    "Yilmaz",
    "Zimmermann",
    "Alvarez",
    "Brennan",
    "Costa",
    "Dvorak",
    "Evans",
    "Fontaine",
    "Gupta",
    "Horvat",
    "Ibrahim",
    "Jensen",
    "Kim",
    "Larsen",
    "Murphy",
    "Novak",
];

/// First names of the 50 CSMs (each combined with one of [`CSM_LAST_NAMES`]).
pub(crate) const CSM_FIRST_NAMES: &[&str] = &[
    "Alex", "Blair", "Casey", "Dana", "Eli", "Frankie", "Gabi", "Harper", "Indy", "Jordan",
];

/// Last names of the CSMs: 10 × 5 = 50 distinct names.
pub(crate) const CSM_LAST_NAMES: &[&str] = &["Morgan", "Reyes", "Sato", "Keller", "Byrne"];

pub(crate) const AGENT_NAMES: &[&str] = &[
    "Sam Ortiz",
    "Robin Hale",
    "Taylor Brooks",
    "Jamie Lee",
    "Morgan Diaz",
    "Riley Park",
    "Quinn Foster",
    "Avery Stone",
    "Rowan Blake",
    "Skyler Grant",
    "Emerson Cole",
    "Reese Wong",
    "Parker Lane",
    "Hayden Cruz",
    "Sage Patel",
    "Drew Nolan",
    "Kai Suzuki",
    "Ari Levin",
    "Noel Ward",
    "Jules Martin",
];

pub(crate) const COMPANY_PREFIXES: &[&str] = &[
    "Acme",
    "Northwind",
    "Blue Harbor",
    "Summit",
    "Redwood",
    "Silverline",
    "Brightpath",
    "Ironclad",
    "Cobalt",
    "Evergreen",
    "Lighthouse",
    "Quantum",
    "Pioneer",
    "Granite",
    "Horizon",
    "Maple",
    "Nimbus",
    "Orchid",
    "Polaris",
    "Riverstone",
    "Sequoia",
    "Tidewater",
    "Urban",
    "Vertex",
    "Willow",
    "Zenith",
    "Aurora",
    "Beacon",
    "Crescent",
    "Delta",
];

pub(crate) const COMPANY_SUFFIXES: &[&str] = &[
    "Analytics",
    "Robotics",
    "Health",
    "Logistics",
    "Labs",
    "Systems",
    "Foods",
    "Energy",
    "Media",
    "Capital",
    "Networks",
    "Bio",
    "Retail",
    "Cloud",
    "Dynamics",
    "Works",
    "Partners",
    "Studios",
    "Solutions",
    "Mobility",
];

pub(crate) const LEGAL_FORMS: &[&str] = &["Inc.", "LLC", "GmbH", "Ltd.", "Corp.", "S.A.", "B.V."];

/// Industries with weights (Technology dominates, as in the original system's default).
pub(crate) const INDUSTRIES: &[(&str, u32); 10] = &[
    ("Technology", 30),
    ("Healthcare", 12),
    ("Financial Services", 12),
    ("Retail", 10),
    ("Manufacturing", 9),
    ("Education", 7),
    ("Media", 6),
    ("Logistics", 6),
    ("Energy", 4),
    ("Public Sector", 4),
];

pub(crate) const FEATURES: &[&str] = &[
    "dashboards",
    "reports",
    "alerts",
    "workflows",
    "api",
    "sso",
    "audit_log",
    "exports",
    "integrations",
    "mobile_app",
    "forecasting",
    "segments",
    "playbooks",
    "surveys",
];

pub(crate) const INTEGRATIONS: &[&str] = &[
    "salesforce",
    "hubspot",
    "slack",
    "zendesk",
    "jira",
    "snowflake",
    "teams",
    "segment",
];

pub(crate) const PRODUCTS: &[&str] = &[
    "Core Platform",
    "Analytics Suite",
    "Automation Studio",
    "Data Connectors",
    "Mobile Access",
    "Advanced Security",
];

pub(crate) const ADDONS: &[&str] = &[
    "Premium Support",
    "Sandbox Environment",
    "Extra Storage",
    "Dedicated CSM",
    "SLA Plus",
];

/// (indicator name, category, threshold, breached when the value is above the threshold,
/// description).
pub(crate) const RISK_INDICATORS: &[(&str, &str, f64, bool, &str)] = &[
    (
        "Declining product usage",
        "usage",
        60.0,
        false,
        "Weekly active usage dropped below the expected baseline.",
    ),
    (
        "Low login frequency",
        "engagement",
        40.0,
        false,
        "Fewer than expected users logged in over the last 30 days.",
    ),
    (
        "Escalated support tickets",
        "support",
        2.0,
        true,
        "Several high-priority tickets were escalated recently.",
    ),
    (
        "Detractor NPS response",
        "satisfaction",
        6.0,
        false,
        "A recent NPS response scored 6 or lower.",
    ),
    (
        "Overdue invoices",
        "financial",
        30.0,
        true,
        "Invoices are overdue by more than the threshold in days.",
    ),
    (
        "Champion left the company",
        "relationship",
        1.0,
        true,
        "The primary sponsor is no longer with the customer.",
    ),
    (
        "Low feature adoption",
        "adoption",
        35.0,
        false,
        "Only a small share of licensed features is in use.",
    ),
    (
        "Budget review announced",
        "financial",
        1.0,
        true,
        "The customer announced a budget review for tooling.",
    ),
];

pub(crate) const MITIGATIONS: &[&str] = &[
    "Schedule executive business review",
    "Run an adoption workshop",
    "Assign a technical account manager",
    "Offer a tailored training plan",
    "Escalate open tickets to engineering",
    "Review pricing and packaging",
    "Identify a new internal champion",
];

pub(crate) const CHURN_FACTORS: &[&str] = &[
    "low_usage",
    "declining_engagement",
    "support_escalations",
    "poor_nps",
    "payment_delays",
    "champion_change",
    "competitor_evaluation",
    "low_feature_adoption",
];

pub(crate) const RETENTION_ACTIONS: &[&str] = &[
    "Executive sponsor outreach",
    "Customized success plan",
    "Health check call within 7 days",
    "Product roadmap preview",
    "Discounted renewal offer",
    "Additional training sessions",
];

pub(crate) const CUSTOMER_GOALS: &[&str] = &[
    "Reduce churn by 10%",
    "Automate weekly reporting",
    "Consolidate customer data",
    "Improve team productivity",
    "Shorten time to value for new users",
    "Integrate with the CRM",
];

pub(crate) const SUCCESS_CRITERIA: &[&str] = &[
    "80% of licensed users active",
    "First dashboard live",
    "CRM integration syncing daily",
    "Admin team certified",
    "Executive sign-off on go-live",
];

/// The onboarding milestone catalogue in plan order: (name, description, hours).
pub(crate) const MILESTONES: &[(&str, &str, i32)] = &[
    (
        "Kickoff call",
        "Align on goals, stakeholders and timeline.",
        4,
    ),
    (
        "Technical setup",
        "Provision the workspace, SSO and user roles.",
        12,
    ),
    (
        "Data migration",
        "Import historical data and validate it.",
        20,
    ),
    (
        "Integration configuration",
        "Connect the CRM and support tools.",
        16,
    ),
    ("User training", "Train admins and end users.", 10),
    (
        "Go-live review",
        "Confirm success criteria and hand over to the CSM.",
        6,
    ),
];

pub(crate) const MILESTONE_TASKS: &[&str] = &[
    "Share project plan",
    "Confirm stakeholders",
    "Configure SSO",
    "Import sample data",
    "Validate data quality",
    "Connect CRM",
    "Run admin training",
    "Collect feedback",
];

/// (module name, topic) of the training catalogue; its size sets the number of modules.
pub(crate) const TRAINING_MODULES: &[(&str, &str)] = &[
    ("Platform Fundamentals", "navigation"),
    ("Getting Started with Dashboards", "dashboards"),
    ("Building Your First Report", "reports"),
    ("User and Role Management", "administration"),
    ("Setting Up Alerts", "alerts"),
    ("Importing Data", "data"),
    ("Working with Segments", "segments"),
    ("Survey Basics", "surveys"),
    ("Workflow Automation", "workflows"),
    ("CRM Integration", "integrations"),
    ("Advanced Reporting", "reports"),
    ("Health Score Configuration", "health"),
    ("Playbooks in Practice", "playbooks"),
    ("API Essentials", "api"),
    ("Security and SSO", "security"),
    ("Forecasting Renewals", "forecasting"),
    ("Data Warehouse Sync", "data"),
    ("Admin Certification Prep", "administration"),
    ("Expert Automation Patterns", "workflows"),
    ("Customer Success Analytics Masterclass", "analytics"),
];

pub(crate) const KB_CATEGORIES: &[&str] = &[
    "getting_started",
    "integrations",
    "billing",
    "troubleshooting",
    "reporting",
    "administration",
];

pub(crate) const KB_TITLES: &[&str] = &[
    "How to invite users to your workspace",
    "Configuring single sign-on",
    "Connecting Salesforce",
    "Understanding your invoice",
    "Resetting a forgotten password",
    "Exporting reports to CSV",
    "Building a custom dashboard",
    "Setting up Slack notifications",
    "Troubleshooting sync delays",
    "Managing roles and permissions",
    "Using the REST API",
    "Scheduling recurring reports",
    "Importing contacts from a spreadsheet",
    "Why is my dashboard empty?",
    "Changing your billing plan",
    "Setting up health score weights",
    "Creating customer segments",
    "Sending an NPS survey",
    "Automating renewal reminders",
    "Fixing webhook delivery failures",
    "Data retention and deletion",
    "Audit log overview",
    "Mobile app setup",
    "Connecting Zendesk",
    "Keyboard shortcuts",
    "Bulk editing records",
    "Understanding usage limits",
    "Two-factor authentication",
    "Sandbox environments",
    "Release notes and roadmap",
];

/// Ticket subjects per [`crate::types::TicketCategory`] (same order as `TicketCategory::ALL`).
pub(crate) const TICKET_SUBJECTS: &[&[&str]] = &[
    &[
        "Dashboard fails to load",
        "Error 500 when saving a workflow",
        "Sync job stuck in pending",
    ],
    &[
        "Chart shows wrong totals",
        "Filter resets after refresh",
        "Duplicate rows in export",
    ],
    &[
        "Request: bulk edit for segments",
        "Request: dark mode",
        "Request: custom fields in reports",
    ],
    &[
        "How do I schedule a report?",
        "How to add a new admin?",
        "How do I set up alerts?",
    ],
    &[
        "Invoice shows wrong seat count",
        "Update billing contact",
        "Question about renewal pricing",
    ],
    &[
        "Salesforce sync failing",
        "Slack notifications not arriving",
        "Webhook returns 401",
    ],
    &[
        "Training session for new team",
        "Access to certification course",
        "Admin training request",
    ],
    &[
        "Missing records after import",
        "Data mismatch with CRM",
        "Historical data gap",
    ],
    &[
        "Reports are slow to render",
        "API latency spikes",
        "Search takes too long",
    ],
    &[
        "General question",
        "Account access request",
        "Feedback on recent change",
    ],
];

pub(crate) const TICKET_TAGS: &[&str] = &[
    "urgent",
    "billing",
    "sync",
    "ui",
    "api",
    "login",
    "export",
    "regression",
    "enterprise",
    "vip",
];

pub(crate) const COMMENT_TEXTS: &[&str] = &[
    "Thanks for reaching out, we are looking into this now.",
    "Could you share a screenshot and the time it happened?",
    "Attached the requested details.",
    "We reproduced the issue and escalated it to engineering.",
    "A fix has been deployed, please confirm on your side.",
    "Confirmed, it works again. Thank you!",
    "Still seeing the problem this morning.",
    "Ticket updated automatically by the SLA monitor.",
];

pub(crate) const OPPORTUNITY_NAMES: &[&str] = &[
    "Seat expansion",
    "Analytics Suite upsell",
    "Automation Studio cross-sell",
    "Premium Support add-on",
    "Usage tier upgrade",
    "Admin training package",
];

pub(crate) const VALUE_DRIVERS: &[&str] = &[
    "Team growth",
    "New business unit",
    "Executive reporting needs",
    "Automation savings",
    "Compliance requirements",
    "Consolidating tools",
];

pub(crate) const NEXT_ACTIONS: &[&str] = &[
    "Send proposal",
    "Schedule demo with stakeholders",
    "Confirm budget with finance",
    "Prepare ROI analysis",
    "Negotiate contract terms",
];

/// (category, title, content, positive) of customer feedback.
pub(crate) const FEEDBACK_TOPICS: &[(&str, &str, &str, bool)] = &[
    (
        "product",
        "Reporting is powerful",
        "The new reporting features save our team hours every week.",
        true,
    ),
    (
        "product",
        "Dashboards feel slow",
        "Large dashboards take a long time to load in the morning.",
        false,
    ),
    (
        "support",
        "Great support experience",
        "The support team resolved our issue within the day.",
        true,
    ),
    (
        "support",
        "Slow ticket responses",
        "We waited several days for a reply on an urgent ticket.",
        false,
    ),
    (
        "onboarding",
        "Smooth onboarding",
        "Onboarding was well organised and our CSM was very helpful.",
        true,
    ),
    (
        "pricing",
        "Pricing concerns",
        "The renewal price increase is hard to justify internally.",
        false,
    ),
    (
        "integrations",
        "Need more integrations",
        "We would like a native integration with our data warehouse.",
        false,
    ),
    (
        "usability",
        "Confusing navigation",
        "New users struggle to find the segment builder.",
        false,
    ),
    (
        "product",
        "Love the automation",
        "Workflow automation replaced three manual spreadsheets for us.",
        true,
    ),
];

pub(crate) const FEEDBACK_TAGS: &[&str] = &[
    "dashboards",
    "performance",
    "pricing",
    "support",
    "onboarding",
    "integrations",
    "ux",
    "automation",
];

pub(crate) const POSITIVE_THEMES: &[&str] = &[
    "responsive support",
    "ease of use",
    "reporting",
    "onboarding experience",
    "integrations",
];

pub(crate) const NEGATIVE_THEMES: &[&str] = &[
    "performance",
    "pricing",
    "missing integrations",
    "navigation",
    "ticket response times",
];

pub(crate) const NPS_REASONS_GOOD: &[&str] = &[
    "Reliable product and great support.",
    "Saves our team a lot of time.",
    "Easy to roll out to new users.",
];

pub(crate) const NPS_REASONS_BAD: &[&str] = &[
    "Too many bugs lately.",
    "Support takes too long to respond.",
    "Missing features we need.",
    "Too expensive for what we use.",
];
