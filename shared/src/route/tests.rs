use super::*;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// A cohort meeting weekly on Mondays from 2 March 2026; `attended` of the first meetings present.
fn file_with(attended: &[AttendanceStatus]) -> ParticipantFile {
    let meetings = MeetingNumber::all()
        .map(|number| {
            let i = number.index();
            MeetingFact {
                number,
                date: Some(day(3, 2) + chrono::Days::new(7 * i as u64)),
                attendance: attended.get(i).copied(),
            }
        })
        .collect();
    ParticipantFile {
        meetings_required: 6,
        meetings,
        budget_cap: Money::from_cents(100_000),
        ..ParticipantFile::default()
    }
}

fn figures(route: &Route, kind: StepKind) -> &StepFigures {
    &route.step(kind).unwrap().figures
}

#[test]
fn a_new_participant_is_shown_the_first_meeting_with_its_theme() {
    let route = route(&file_with(&[]), day(2, 20));
    assert_eq!(
        route.next_step,
        NextStep::Meeting {
            number: MeetingNumber::new(1).unwrap(),
            date: day(3, 2),
            theme: Theme::CareerOrientation
        }
    );
    assert!(
        route
            .steps
            .iter()
            .all(|s| s.status == StepStatus::NotStarted)
    );
}

#[test]
fn one_meeting_attended_shows_1_of_8_and_the_training_under_way() {
    let route = route(&file_with(&[AttendanceStatus::Present]), day(3, 3));
    assert_eq!(
        figures(&route, StepKind::Training),
        &StepFigures::Training {
            attended: 1,
            total: 8,
            required: 6
        }
    );
    assert_eq!(
        route.step(StepKind::Training).unwrap().status,
        StepStatus::UnderWay
    );
    assert!(matches!(route.next_step, NextStep::Meeting { date, .. } if date == day(3, 9)));
}

#[test]
fn six_meetings_attended_with_one_made_up_complete_the_training() {
    use AttendanceStatus::*;
    let statuses = [Present, Present, MadeUp, Present, Present, Present, Absent];
    let route = route(&file_with(&statuses), day(4, 14));
    assert_eq!(
        route.step(StepKind::Training).unwrap().status,
        StepStatus::Done
    );
    assert_eq!(route.next_step, NextStep::WaitForCoach);
}

#[test]
fn five_meetings_attended_and_none_left_means_catching_up_with_the_coach() {
    use AttendanceStatus::*;
    let statuses = [
        Present, Present, Absent, Present, Excused, Present, Absent, Present,
    ];
    let route = route(&file_with(&statuses), day(5, 1));
    assert_eq!(
        route.step(StepKind::Training).unwrap().status,
        StepStatus::UnderWay
    );
    assert_eq!(route.next_step, NextStep::CatchUpTraining);
}

fn trained() -> ParticipantFile {
    ParticipantFile {
        has_coach: true,
        goals: vec![GoalStatus::Open],
        ..file_with(&[AttendanceStatus::Present; 8])
    }
}

#[test]
fn with_a_coach_but_no_goals_the_next_step_is_the_plan() {
    let file = ParticipantFile {
        goals: vec![],
        ..trained()
    };
    assert_eq!(route(&file, day(5, 1)).next_step, NextStep::MakePlan);
}

#[test]
fn a_running_internship_shows_its_week() {
    let file = ParticipantFile {
        // 8 weeks from Monday 4 May; 20 May is in week 3.
        internships: vec![InternshipFact {
            start: day(5, 4),
            end: day(6, 28),
            cancelled: false,
        }],
        ..trained()
    };
    let route = route(&file, day(5, 20));
    assert_eq!(route.next_step, NextStep::Internship { week: 3, weeks: 8 });
    assert_eq!(
        route.step(StepKind::Internship).unwrap().status,
        StepStatus::UnderWay
    );
}

#[test]
fn a_cancelled_internship_does_not_count() {
    let file = ParticipantFile {
        internships: vec![InternshipFact {
            start: day(5, 4),
            end: day(6, 28),
            cancelled: true,
        }],
        ..trained()
    };
    let route = route(&file, day(5, 20));
    assert_eq!(
        route.step(StepKind::Internship).unwrap().status,
        StepStatus::NotStarted
    );
    assert_eq!(route.next_step, NextStep::CompanyVisit);
}

#[test]
fn a_planned_internship_shows_its_start() {
    let file = ParticipantFile {
        internships: vec![InternshipFact {
            start: day(6, 1),
            end: day(7, 26),
            cancelled: false,
        }],
        ..trained()
    };
    assert_eq!(
        route(&file, day(5, 20)).next_step,
        NextStep::InternshipStarts { date: day(6, 1) }
    );
}

#[test]
fn visits_count_as_done_from_their_day() {
    let file = ParticipantFile {
        visits: vec![day(5, 1), day(5, 20), day(6, 3)],
        ..trained()
    };
    let route = route(&file, day(5, 20));
    assert_eq!(
        figures(&route, StepKind::CompanyVisits),
        &StepFigures::CompanyVisits {
            done: 2,
            planned: 1
        }
    );
    assert_eq!(
        route.step(StepKind::CompanyVisits).unwrap().status,
        StepStatus::Done
    );
}

#[test]
fn after_the_internship_comes_the_introduction_then_the_outcome() {
    let mut file = ParticipantFile {
        internships: vec![InternshipFact {
            start: day(3, 2),
            end: day(4, 26),
            cancelled: false,
        }],
        ..trained()
    };
    assert_eq!(route(&file, day(5, 20)).next_step, NextStep::Introduction);
    file.introductions = vec![IntroductionStatus::Hired];
    let placed = route(&file, day(5, 20));
    assert_eq!(placed.next_step, NextStep::Outcome);
    assert_eq!(
        placed.step(StepKind::Introduction).unwrap().status,
        StepStatus::Done
    );
    file.outcome = Some(OutcomeKind::PaidJob);
    let done = route(&file, day(5, 20));
    assert_eq!(done.next_step, NextStep::Done);
    assert_eq!(
        done.step(StepKind::Outcome).unwrap().status,
        StepStatus::Done
    );
}

#[test]
fn the_budget_shows_used_committed_and_remaining_without_rejected_requests() {
    let file = ParticipantFile {
        expenses: vec![
            (ExpenseStatus::Pending, Money::from_cents(20_000)),
            (ExpenseStatus::Approved, Money::from_cents(30_000)),
            (ExpenseStatus::Paid, Money::from_cents(10_000)),
            (ExpenseStatus::Rejected, Money::from_cents(50_000)),
        ],
        ..trained()
    };
    assert_eq!(
        route(&file, day(5, 20)).budget,
        BudgetFigures {
            cap_cents: 100_000,
            used_cents: 40_000,
            committed_cents: 60_000,
            remaining_cents: 40_000,
        }
    );
}

#[test]
fn the_route_has_the_six_steps_in_programme_order() {
    let kinds: Vec<StepKind> = route(&file_with(&[]), day(3, 1))
        .steps
        .iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            StepKind::Training,
            StepKind::CoachAndPlan,
            StepKind::CompanyVisits,
            StepKind::Internship,
            StepKind::Introduction,
            StepKind::Outcome
        ]
    );
}
