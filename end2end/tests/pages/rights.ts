import type { Locator, Page } from '@playwright/test';

/** On a participant's profile: the download of everything stored about them. */
export class DataSection {
  readonly section: Locator;
  readonly download: Locator;
  readonly status: Locator;

  constructor(readonly page: Page, own: boolean) {
    this.section = page.getByRole('region', { name: own ? 'Jouw gegevens' : 'Gegevens van deze deelnemer' });
    this.download = this.section.getByRole('button', {
      name: own ? 'Mijn gegevens downloaden' : 'Gegevens downloaden',
    });
    this.status = this.section.getByRole('status');
  }
}

/** On a participant's profile, for a coordinator: erasing the participant. */
export class ErasureSection {
  readonly section: Locator;
  readonly name: Locator;
  readonly erase: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Deelnemer wissen' });
    this.name = this.section.getByLabel('Volledige naam van de deelnemer');
    this.erase = this.section.getByRole('button', { name: 'Voorgoed wissen' });
  }
}

/** The personal calendar link: on a participant's profile, on the security page of others. */
export class CalendarFeedSection {
  readonly section: Locator;
  readonly heading: Locator;
  readonly create: Locator;
  readonly revoke: Locator;
  readonly url: Locator;
  readonly copy: Locator;
  readonly addToCalendar: Locator;
  readonly revoked: Locator;
  /** The line that says since when the account has a link (the link itself is shown once). */
  readonly active: Locator;
  readonly createNew: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Agenda op je telefoon' });
    this.heading = this.section.getByRole('heading', { level: 2, name: 'Agenda op je telefoon' });
    this.create = this.section.getByRole('button', { name: 'Agendalink maken' });
    this.revoke = this.section.getByRole('button', { name: 'Link stoppen' });
    this.url = this.section.getByLabel('Agendalink');
    this.copy = this.section.getByRole('button', { name: 'Link kopiëren' });
    this.addToCalendar = this.section.getByRole('link', { name: 'Toevoegen aan agenda' });
    this.revoked = this.section.getByRole('status').filter({ hasText: 'De agendalink werkt niet meer.' });
    this.active = this.section.getByText(/^Je hebt een agendalink sinds .+\.$/);
    this.createNew = this.section.getByRole('button', { name: 'Nieuwe agendalink maken' });
  }
}
