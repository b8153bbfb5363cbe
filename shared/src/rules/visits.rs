//! Company visits: registrations within capacity, nobody twice.
//!
//! Both refusals are conflicts with stored state, not validation of the input.

use crate::ids::ParticipantId;
use crate::values::Capacity;
use crate::violation::ViolationKind;

/// Checks whether `participant` may register for a visit with `capacity` places that already has
/// `registered`. Someone already registered is told so even when the visit is full.
pub fn check_registration(
    capacity: Capacity,
    registered: &[ParticipantId],
    participant: &ParticipantId,
) -> Result<(), ViolationKind> {
    if registered.contains(participant) {
        return Err(ViolationKind::AlreadyRegistered {});
    }
    if places_left(capacity, registered.len()) == 0 {
        return Err(ViolationKind::CapacityFull {
            capacity: u32::from(capacity.get()),
        });
    }
    Ok(())
}

/// Places still free on a visit with `capacity` places and `registered` registrations; zero when
/// full (or over-full).
pub fn places_left(capacity: Capacity, registered: usize) -> u32 {
    let registered = u32::try_from(registered).unwrap_or(u32::MAX);
    u32::from(capacity.get()).saturating_sub(registered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn participant(n: usize) -> ParticipantId {
        ParticipantId::parse(format!("p{n}")).unwrap()
    }

    fn participants(count: usize) -> Vec<ParticipantId> {
        (0..count).map(participant).collect()
    }

    #[test]
    fn a_participant_registers_for_a_visit_with_room() {
        let capacity = Capacity::new(3).unwrap();
        assert_eq!(
            check_registration(capacity, &participants(2), &participant(99)),
            Ok(())
        );
    }

    #[test]
    fn a_visit_with_every_place_taken_is_full() {
        let capacity = Capacity::new(3).unwrap();
        assert_eq!(
            check_registration(capacity, &participants(3), &participant(99)),
            Err(ViolationKind::CapacityFull { capacity: 3 })
        );
    }

    #[test]
    fn a_visit_with_more_registrations_than_places_is_full() {
        let capacity = Capacity::new(2).unwrap();
        assert_eq!(
            check_registration(capacity, &participants(5), &participant(99)),
            Err(ViolationKind::CapacityFull { capacity: 2 })
        );
    }

    #[test]
    fn a_participant_cannot_register_twice() {
        let capacity = Capacity::new(25).unwrap();
        assert_eq!(
            check_registration(capacity, &participants(4), &participant(2)),
            Err(ViolationKind::AlreadyRegistered {})
        );
    }

    #[test]
    fn a_registered_participant_of_a_full_visit_is_told_they_are_already_registered() {
        let capacity = Capacity::new(1).unwrap();
        assert_eq!(
            check_registration(capacity, &participants(1), &participant(0)),
            Err(ViolationKind::AlreadyRegistered {})
        );
    }

    #[test]
    fn places_left_counts_down_to_zero_and_stays_there() {
        let capacity = Capacity::new(2).unwrap();
        assert_eq!(places_left(capacity, 0), 2);
        assert_eq!(places_left(capacity, 1), 1);
        assert_eq!(places_left(capacity, 2), 0);
        assert_eq!(places_left(capacity, 3), 0);
    }

    proptest! {
        #[test]
        fn a_newcomer_is_accepted_exactly_while_places_are_left(
            capacity in 1i64..=25, count in 0usize..40,
        ) {
            let capacity = Capacity::new(capacity).unwrap();
            let result = check_registration(capacity, &participants(count), &participant(1000));
            prop_assert_eq!(result.is_ok(), places_left(capacity, count) > 0);
            prop_assert_eq!(result.is_ok(), count < usize::from(capacity.get()));
        }
    }
}
