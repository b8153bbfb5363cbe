import type { Locator, Page } from '@playwright/test';

/** `/` of a company contact, or `/organisations/{id}`: the organisation, its openings and the
 * introductions to it. */
export class OrganisationPage {
  readonly openings: Locator;
  readonly newOpening: Locator;
  readonly form: Locator;
  readonly kind: Locator;
  readonly title: Locator;
  readonly description: Locator;
  readonly firstDay: Locator;
  readonly lastDay: Locator;
  readonly hours: Locator;
  readonly level: Locator;
  readonly save: Locator;
  readonly introductions: Locator;

  constructor(readonly page: Page) {
    this.openings = page.getByRole('region', { name: 'Plaatsen en vacatures' });
    this.newOpening = this.openings.getByRole('button', { name: 'Nieuwe plaats of vacature' });
    this.form = page.locator('#opening-form');
    this.kind = this.form.getByLabel('Soort plaats');
    this.title = this.form.getByLabel('Titel');
    this.description = this.form.getByLabel('Omschrijving');
    this.firstDay = this.form.getByLabel('Eerste dag');
    this.lastDay = this.form.getByLabel('Laatste dag');
    this.hours = this.form.getByLabel('Uren per week');
    this.level = this.form.getByLabel('Gevraagd niveau Nederlands');
    this.save = this.form.getByRole('button', { name: 'Opslaan als concept' });
    this.introductions = page.getByRole('region', { name: 'Voorstellen' });
  }

  /** An opening in the list, by its title. */
  opening(title: string): Locator {
    return this.openings.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title }) });
  }

  /** An introduction in the list, by the first name the participant shared. */
  introduction(firstName: string): Locator {
    return this.introductions
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: firstName }) });
  }
}
