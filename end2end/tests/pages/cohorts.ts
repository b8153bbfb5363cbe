import type { Locator, Page } from '@playwright/test';

/** `/cohorts`: the cohorts of the region, and a new one (coordinator). */
export class CohortsPage {
  readonly heading: Locator;
  readonly start: Locator;
  readonly name: Locator;
  readonly location: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Groepen' });
    this.start = page.getByRole('button', { name: 'Groep starten' });
    this.name = page.getByLabel('Naam van de groep');
    this.location = page.getByLabel('Locatie');
    this.save = page.getByRole('button', { name: 'Groep opslaan' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/cohorts');
  }
}

/** `/cohorts/{id}`: the 8 meetings in order, each to schedule and, once held, its attendance. */
export class CohortPage {
  readonly meetings: Locator;
  readonly form: Locator;
  readonly date: Locator;
  readonly time: Locator;
  readonly place: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.meetings = page.getByRole('list', { name: 'De 8 bijeenkomsten' }).getByRole('listitem');
    this.form = page.getByRole('form');
    this.date = page.getByLabel('Datum', { exact: true });
    this.time = page.getByLabel('Begintijd');
    this.place = page.getByLabel('Plaats');
    this.save = page.getByRole('button', { name: 'Bijeenkomst opslaan' });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/cohorts/${id}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The meeting's item, by its number. */
  meeting(number: number): Locator {
    return this.meetings.filter({
      has: this.page.getByRole('heading', { name: new RegExp(`^Bijeenkomst ${number}:`) }),
    });
  }

  schedule(number: number): Locator {
    return this.page.getByRole('button', { name: `Bijeenkomst ${number} plannen` });
  }

  attendance(number: number): Locator {
    return this.page.getByRole('link', { name: `Aanwezigheid bijeenkomst ${number}` });
  }
}

/** `/cohorts/{id}/meetings/{n}/attendance`: one group of choices per participant. */
export class AttendancePage {
  readonly save: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.save = page.getByRole('button', { name: 'Aanwezigheid opslaan' });
    this.saved = page.getByRole('status').filter({ hasText: 'De aanwezigheid is opgeslagen.' });
  }

  heading(number: number): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Aanwezigheid bij bijeenkomst ${number}` });
  }

  /** A participant's choice, such as "Aanwezig". */
  choice(participant: string, choice: string): Locator {
    return this.page.getByRole('group', { name: participant }).getByRole('radio', { name: choice });
  }
}
