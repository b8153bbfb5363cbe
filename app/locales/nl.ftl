# Nederlands: de standaardtaal. Elke sleutel hier staat ook in elke andere taal (een test bewaakt dat).

app-name = VIP route
skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-home = Start
language-label = Taal

home-title = Welkom bij VIP route
home-intro = Jouw weg naar werk, stage of opleiding: training, coach, bedrijfsbezoeken, stage en een warme introductie.
health-label = Status van de server
health-checking = Verbinding controleren…
health-ok = De server werkt.

not-found-title = Pagina niet gevonden
not-found-text = Deze pagina bestaat niet, of je hebt er geen toegang toe.
not-found-home = Terug naar de start

error-network = Geen verbinding met de server. Controleer je internet en probeer het opnieuw.
error-decode = Het antwoord van de server kon niet worden gelezen.
error-bad_request = Het verzoek klopt niet.
error-unauthenticated = Je bent niet (meer) ingelogd.
error-forbidden = Dit mag je niet doen.
error-not_found = Niet gevonden.
error-method_not_allowed = Deze handeling bestaat hier niet.
error-conflict = Dit botst met wat al is opgeslagen.
error-payload_too_large = Dit is te groot om te versturen.
error-validation = Controleer de gemarkeerde velden.
error-too_many_requests = Te veel pogingen. Wacht even en probeer het opnieuw.
error-internal = Er ging iets mis op de server. Probeer het later opnieuw.
error-unavailable = De server is even niet bereikbaar. Probeer het later opnieuw.

violation-required = Dit veld is verplicht.
violation-too_short = Te kort: minstens { $min } tekens.
violation-too_long = Te lang: hoogstens { $max } tekens.
violation-invalid_format = Deze invoer heeft niet de juiste vorm.
violation-out_of_range = Kies een waarde van { $min } tot en met { $max }.
violation-in_the_past = Deze datum ligt in het verleden.
violation-in_the_future = Deze datum ligt in de toekomst.
violation-unknown_record = Dit bestaat niet (meer).
violation-meeting_number_out_of_range = Een bijeenkomst heeft een nummer van 1 tot en met 8.
violation-meetings_out_of_order = De datum moet na die van de vorige bijeenkomst liggen en voor die van de volgende.
violation-meetings_too_close = Tussen twee bijeenkomsten zit minstens { $min_days } { $min_days ->
        [one] dag
       *[other] dagen
    }.
violation-meetings_too_far_apart = Tussen twee bijeenkomsten zitten hoogstens { $max_days } dagen.
violation-meeting_not_scheduled = Deze bijeenkomst is nog niet gepland.
violation-attendance_in_the_future = Aanwezigheid kan pas worden ingevuld als de bijeenkomst is geweest.
violation-not_in_cohort = Deze deelnemer zit niet in deze groep.
violation-cohort_full = De groep is vol: hoogstens { $max } deelnemers.
violation-caseload_full = Deze coach begeleidt al { $max } deelnemers.
violation-capacity_full = Vol: er kunnen { $capacity } mensen mee.
violation-already_registered = Deze deelnemer is al aangemeld.
violation-internship_too_short = Een stage duurt minstens { $min_weeks } weken.
violation-internship_too_long = Een stage duurt hoogstens { $max_weeks } weken.
violation-extension_too_long = Een verlenging duurt hoogstens { $max_weeks } weken.
violation-extension_already_used = Deze stage is al eens verlengd.
violation-extension_not_later = De nieuwe einddatum moet na { $current_end } liggen.
violation-hours_out_of_range = Kies { $min } tot en met { $max } uur per week.
violation-internship_overlap = Deze deelnemer heeft in die periode al een stage.
violation-training_not_complete = Eerst de training afronden: { $attended } van de { $required } bijeenkomsten bijgewoond.
violation-budget_exceeded = Dit past niet in het budget: er is nog { $remaining_cents } over.
violation-amount_not_positive = Het bedrag moet groter zijn dan nul.
violation-invalid_transition = Dit kan niet: van { $from } naar { $to }.
violation-stale_version = Iemand anders heeft dit intussen gewijzigd. Laad opnieuw om de nieuwste versie te zien.
violation-not_allowed_for_role = Dit mag jouw rol niet doen.
violation-invalid_postcode = Vul een Nederlandse postcode in, zoals 1234 AB.
violation-invalid_kvk_number = Een KvK-nummer heeft precies 8 cijfers.
violation-invalid_municipality_code = Een gemeentecode is GM gevolgd door 4 cijfers.
violation-invalid_email = Vul een geldig e-mailadres in.
violation-invalid_phone = Vul een geldig telefoonnummer in.
violation-follow_up_too_early = Een follow-up kan pas vanaf { $due_date }.
violation-consent_missing = De deelnemer heeft hiervoor geen toestemming gegeven.
violation-password_too_short = Het wachtwoord moet minstens { $min } tekens hebben.
violation-password_too_long = Het wachtwoord mag hoogstens { $max } tekens hebben.
violation-password_too_common = Dit wachtwoord wordt te vaak gebruikt. Kies een ander.
violation-invitation_invalid = Deze uitnodiging is ongeldig, verlopen of al gebruikt. Vraag een nieuwe aan.
