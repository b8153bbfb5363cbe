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

nav-profile = Mijn profiel
nav-accounts = Accounts
nav-logout = Uitloggen
nav-login = Inloggen
loading = Laden…
retry = Opnieuw proberen
password-show = Wachtwoord tonen

login-title = Inloggen
login-email = E-mailadres
login-password = Wachtwoord
login-submit = Inloggen
login-busy = Bezig met inloggen…
login-failed = Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.
login-session-ended = Je sessie is afgelopen. Log opnieuw in om verder te gaan waar je was.
login-no-account = Nog geen account? Je krijgt een uitnodiging van de coördinator van je gemeente.

accept-title = Kies je wachtwoord
accept-intro = Je bent uitgenodigd voor VIP route. Kies een wachtwoord; daarna ben je meteen ingelogd.
accept-password = Nieuw wachtwoord
accept-password-hint = Minstens { $min } en hoogstens { $max } tekens. Een zin van een paar woorden is makkelijk te onthouden en moeilijk te raden.
accept-submit = Wachtwoord opslaan
accept-busy = Bezig met opslaan…
accept-no-token = Deze link is niet compleet. Open de link uit je uitnodiging opnieuw, of vraag een nieuwe uitnodiging aan.
accept-to-login = Naar inloggen

role-participant = Deelnemer
role-coach = Coach
role-company_contact = Contactpersoon van een organisatie
role-coordinator = Coördinator
role-municipality_viewer = Medewerker van de gemeente

ladder-isolated = Geïsoleerd
ladder-social_contacts = Sociale contacten buiten de deur
ladder-organised_activities = Deelname aan georganiseerde activiteiten
ladder-unpaid_work = Onbetaald werk
ladder-paid_work_with_support = Betaald werk met ondersteuning
ladder-paid_work = Betaald werk

opening-kind-company_visit = Bedrijfsbezoek
opening-kind-internship = Stage
opening-kind-job = Baan
opening-kind-volunteer = Vrijwilligerswerk
opening-kind-education = Opleiding
opening-status-draft = Concept
opening-status-open = Open
opening-status-filled = Vervuld
opening-status-closed = Gesloten
organisation-kind-company = Bedrijf
organisation-kind-school = School
organisation-kind-volunteer_organisation = Vrijwilligersorganisatie
organisation-kind = Soort
organisation-sector = Sector
organisation-address = Adres

participants-none = Er zijn (nog) geen deelnemers.
municipalities-none = Er zijn (nog) geen gemeenten.
cohorts-none = Er zijn (nog) geen groepen.
cohort-participants = { $count } { $count ->
        [one] deelnemer
       *[other] deelnemers
    }
cohort-small = Kleine groep: minder dan 6 deelnemers.
home-not-linked = Je account is nog nergens aan gekoppeld. Vraag je coördinator om hulp.

agreement-period = Looptijd van de afspraak
agreement-period-value = { $start } tot en met { $end }
agreement-contracted = Afgesproken aantal deelnemers
agreement-budget-cap = Budget per deelnemer
agreement-budget-default = Het standaardbudget van het programma: { $amount }

participant-home-title = Welkom, { $name }
participant-home-title-plain = Welkom
participant-home-intro = Fijn dat je meedoet. Hier volg je je eigen route naar werk, stage of opleiding.
participant-home-route-title = Jouw route
participant-home-route = De training, je gesprekken met je coach, bedrijfsbezoeken en je stage komen hier stap voor stap te staan.
participant-home-profile = Bekijk je profiel

coach-home-title = Mijn deelnemers
coach-home-intro = De deelnemers die jij begeleidt. Kies iemand om het profiel te openen.
coach-home-participants = Deelnemers

company-home-title = Mijn organisatie
company-home-openings = Plaatsen en vacatures
company-home-no-openings = Er zijn nog geen plaatsen of vacatures.

coordinator-home-title = Overzicht
coordinator-home-intro = De gemeenten, groepen en deelnemers waar jij voor werkt.
coordinator-home-accounts = Accounts en uitnodigingen
coordinator-home-municipalities = Gemeenten
coordinator-home-cohorts = Groepen
coordinator-home-participants = Deelnemers

municipality-home-title = Mijn gemeente
municipality-home-reports = De rapportages over de deelnemers van je gemeente volgen binnenkort.

profile-title = Profiel
profile-email = E-mailadres
profile-languages = Talen
profile-dutch-level = Niveau Nederlands
profile-ladder = Participatieladder bij de start
profile-ladder-value = Trede { $rung } van 6: { $name }

accounts-title = Accounts
invite-title = Iemand uitnodigen
invite-intro = Je maakt een link waarmee iemand zelf een wachtwoord kiest. Geef de link door via een veilige weg; hij werkt één keer.
invite-email = E-mailadres
invite-role = Rol
invite-municipality = Gemeente
invite-participant = Deelnemer
invite-organisation = Organisatie
invite-choose = Maak een keuze
invite-submit = Uitnodiging maken
invite-busy = Bezig met maken…
invite-created = De uitnodiging is gemaakt. Kopieer de link en geef hem door.
invite-link = Uitnodigingslink
invite-link-hint = Geldig tot { $expires }. Je ziet deze link maar één keer.
invite-another = Nog iemand uitnodigen
accounts-list-title = Alle accounts
accounts-none = Er zijn nog geen accounts.
accounts-active = Actief
accounts-disabled = Uitgeschakeld
accounts-invited = Uitgenodigd, nog geen wachtwoord
accounts-you = jij
accounts-disable = Uitschakelen
accounts-disable-confirm = Het account { $email } uitschakelen? Deze persoon wordt meteen uitgelogd en kan niet meer inloggen.
