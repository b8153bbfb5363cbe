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
