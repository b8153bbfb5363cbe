import type { Locator, Page } from '@playwright/test';

/**
 * `/events/{id}`: an event; a company contact registers colleagues and cancels them, the host
 * sees everyone registered and marks who attended.
 */
export class EventPage {
  readonly register: Locator;
  readonly name: Locator;
  readonly role: Locator;
  readonly submit: Locator;
  readonly own: Locator;
  /** The host's list of everyone registered, with the attendance. */
  readonly host: Locator;
  readonly saveAttendance: Locator;

  constructor(readonly page: Page) {
    this.register = page.getByRole('region', { name: 'Collega aanmelden' });
    this.name = this.register.getByLabel('Naam');
    this.role = this.register.getByLabel('Functie');
    this.submit = this.register.getByRole('button', { name: 'Aanmelden' });
    this.own = page.getByRole('region', { name: 'Uw aanmeldingen' });
    this.host = page.getByRole('region', { name: /^Alle aanmeldingen/ });
    this.saveAttendance = this.host.getByRole('button', { name: 'Aanwezigheid opslaan' });
  }

  /** The box that says whether `name` (of `organisation`) attended. */
  attended(name: string, organisation: string): Locator {
    return this.host.getByRole('checkbox', { name: `${name} · ${organisation}`, exact: true });
  }

  /** Registers a colleague by name and role. */
  async registerColleague(name: string, role: string): Promise<void> {
    await this.name.fill(name);
    await this.role.fill(role);
    await this.submit.click();
  }

  /** The button that cancels the registration of `name`. */
  cancel(name: string): Locator {
    return this.own.getByRole('button', { name: new RegExp(`^Afmelden\\s*:\\s*${name}$`) });
  }
}
