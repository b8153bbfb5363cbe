# English.

app-name = VIP route
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Home
language-label = Language

home-title = Welcome to VIP route
home-intro = Your way to work, an internship or school: training, a coach, company visits, an internship and a warm introduction.
health-label = Server status
health-checking = Checking the connection…
health-ok = The server is working.

not-found-title = Page not found
not-found-text = This page does not exist, or you do not have access to it.
not-found-home = Back to home

error-network = No connection to the server. Check your internet and try again.
error-decode = The server's answer could not be read.
error-bad_request = The request is not valid.
error-unauthenticated = You are not signed in (any more).
error-forbidden = You may not do this.
error-not_found = Not found.
error-method_not_allowed = This action does not exist here.
error-conflict = This clashes with what is already stored.
error-payload_too_large = This is too large to send.
error-validation = Please check the marked fields.
error-too_many_requests = Too many attempts. Wait a moment and try again.
error-internal = Something went wrong on the server. Please try again later.
error-unavailable = The server cannot be reached right now. Please try again later.

violation-required = This field is required.
violation-too_short = Too short: at least { $min } characters.
violation-too_long = Too long: at most { $max } characters.
violation-invalid_format = This input does not have the right form.
violation-out_of_range = Choose a value from { $min } to { $max }.
violation-in_the_past = This date is in the past.
violation-in_the_future = This date is in the future.
violation-unknown_record = This does not exist (any more).
violation-meeting_number_out_of_range = A meeting is numbered 1 to 8.
violation-meetings_out_of_order = The date must come after the previous meeting and before the next one.
violation-meetings_too_close = Meetings must be at least { $min_days } { $min_days ->
        [one] day
       *[other] days
    } apart.
violation-meetings_too_far_apart = Meetings may be at most { $max_days } days apart.
violation-meeting_not_scheduled = This meeting has not been scheduled yet.
violation-attendance_in_the_future = Attendance can be recorded once the meeting has taken place.
violation-not_in_cohort = This participant is not in this group.
violation-cohort_full = The group is full: at most { $max } participants.
violation-caseload_full = This coach already supports { $max } participants.
violation-capacity_full = Full: there is room for { $capacity } people.
violation-already_registered = This participant is already registered.
violation-internship_too_short = An internship lasts at least { $min_weeks } weeks.
violation-internship_too_long = An internship lasts at most { $max_weeks } weeks.
violation-extension_too_long = An extension lasts at most { $max_weeks } weeks.
violation-extension_already_used = This internship has already been extended once.
violation-extension_not_later = The new end date must be after { $current_end }.
violation-hours_out_of_range = Choose { $min } to { $max } hours per week.
violation-internship_overlap = This participant already has an internship in that period.
violation-training_not_complete = Finish the training first: { $attended } of { $required } meetings attended.
violation-budget_exceeded = This does not fit the budget: { $remaining_cents } is left.
violation-amount_not_positive = The amount must be more than zero.
violation-invalid_transition = Not possible: from { $from } to { $to }.
violation-stale_version = Someone else changed this in the meantime. Reload to see the latest version.
violation-not_allowed_for_role = Your role may not do this.
violation-invalid_postcode = Enter a Dutch postcode, such as 1234 AB.
violation-invalid_kvk_number = A KvK number has exactly 8 digits.
violation-invalid_municipality_code = A municipality code is GM followed by 4 digits.
violation-invalid_email = Enter a valid email address.
violation-invalid_phone = Enter a valid phone number.
violation-follow_up_too_early = A follow-up can be recorded from { $due_date }.
violation-consent_missing = The participant has not given consent for this.
violation-password_too_short = The password needs at least { $min } characters.
violation-password_too_long = The password may have at most { $max } characters.
violation-password_too_common = This password is used too often. Choose another one.
violation-invitation_invalid = This invitation is invalid, has expired or was already used. Ask for a new one.

nav-profile = My profile
nav-accounts = Accounts
nav-logout = Log out
nav-login = Log in
loading = Loading…
retry = Try again
password-show = Show password

login-title = Log in
login-email = Email address
login-password = Password
login-submit = Log in
login-busy = Logging in…
login-failed = This email address and password do not match. Check them and try again.
login-session-ended = Your session has ended. Log in again to continue where you were.
login-no-account = No account yet? You will get an invitation from your municipality's coordinator.

accept-title = Choose your password
accept-intro = You have been invited to VIP route. Choose a password; you are then logged in straight away.
accept-password = New password
accept-password-hint = At least { $min } and at most { $max } characters. A sentence of a few words is easy to remember and hard to guess.
accept-submit = Save password
accept-busy = Saving…
accept-no-token = This link is not complete. Open the link from your invitation again, or ask for a new invitation.
accept-to-login = Go to log in

role-participant = Participant
role-coach = Coach
role-company_contact = Contact person of an organisation
role-coordinator = Coordinator
role-municipality_viewer = Municipality officer

ladder-isolated = Isolated
ladder-social_contacts = Social contacts outside the home
ladder-organised_activities = Taking part in organised activities
ladder-unpaid_work = Unpaid work
ladder-paid_work_with_support = Paid work with support
ladder-paid_work = Paid work

opening-kind-company_visit = Company visit
opening-kind-internship = Internship
opening-kind-job = Job
opening-kind-volunteer = Volunteering
opening-kind-education = Education
opening-status-draft = Draft
opening-status-open = Open
opening-status-filled = Filled
opening-status-closed = Closed
organisation-kind-company = Company
organisation-kind-school = School
organisation-kind-volunteer_organisation = Volunteer organisation
organisation-kind = Kind
organisation-sector = Sector
organisation-address = Address

participants-none = There are no participants (yet).
municipalities-none = There are no municipalities (yet).
cohorts-none = There are no groups (yet).
cohort-participants = { $count } { $count ->
        [one] participant
       *[other] participants
    }
cohort-small = Small group: fewer than 6 participants.
home-not-linked = Your account is not linked to anything yet. Ask your coordinator for help.

agreement-period = Period of the agreement
agreement-period-value = { $start } to { $end }
agreement-contracted = Agreed number of participants
agreement-budget-cap = Budget per participant
agreement-budget-default = The programme's standard budget: { $amount }

participant-home-title = Welcome, { $name }
participant-home-title-plain = Welcome
participant-home-intro = Good to have you with us. Here you follow your own route to work, an internship or school.
participant-home-route-title = Your route
participant-home-route = The training, your talks with your coach, company visits and your internship will appear here step by step.
participant-home-profile = View your profile

coach-home-title = My participants
coach-home-intro = The participants you coach. Choose someone to open their profile.
coach-home-participants = Participants

company-home-title = My organisation
company-home-openings = Places and vacancies
company-home-no-openings = There are no places or vacancies yet.

coordinator-home-title = Overview
coordinator-home-intro = The municipalities, groups and participants you work for.
coordinator-home-accounts = Accounts and invitations
coordinator-home-municipalities = Municipalities
coordinator-home-cohorts = Groups
coordinator-home-participants = Participants

municipality-home-title = My municipality
municipality-home-reports = Reports on your municipality's participants will follow soon.

profile-title = Profile
profile-email = Email address
profile-languages = Languages
profile-dutch-level = Level of Dutch
profile-ladder = Participation ladder at the start
profile-ladder-value = Rung { $rung } of 6: { $name }

accounts-title = Accounts
invite-title = Invite someone
invite-intro = You create a link with which someone chooses their own password. Pass the link on in a safe way; it works once.
invite-email = Email address
invite-role = Role
invite-municipality = Municipality
invite-participant = Participant
invite-organisation = Organisation
invite-choose = Make a choice
invite-submit = Create invitation
invite-busy = Creating…
invite-created = The invitation has been created. Copy the link and pass it on.
invite-link = Invitation link
invite-link-hint = Valid until { $expires }. You see this link only once.
invite-another = Invite someone else
accounts-list-title = All accounts
accounts-none = There are no accounts yet.
accounts-active = Active
accounts-disabled = Disabled
accounts-invited = Invited, no password yet
accounts-you = you
accounts-disable = Disable
accounts-disable-confirm = Disable the account { $email }? This person is logged out at once and can no longer log in.
