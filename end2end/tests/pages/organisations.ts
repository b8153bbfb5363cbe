import type { Locator, Page } from '@playwright/test';

/** The form of an organisation: new on `/organisations`, or its details changed on its page. */
export class OrganisationForm {
  readonly form: Locator;
  readonly kind: Locator;
  readonly name: Locator;
  readonly sector: Locator;
  readonly street: Locator;
  readonly postcode: Locator;
  readonly city: Locator;
  readonly kvk: Locator;
  readonly municipality: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('#organisation-form');
    this.kind = this.form.getByLabel('Soort', { exact: true });
    this.name = this.form.getByLabel('Naam', { exact: true });
    this.sector = this.form.getByLabel('Sector');
    this.street = this.form.getByLabel('Straat en huisnummer');
    this.postcode = this.form.getByLabel('Postcode');
    this.city = this.form.getByLabel('Plaats');
    this.kvk = this.form.getByLabel('KvK-nummer');
    this.municipality = this.form.getByLabel('Gemeente');
  }

  button(name: string): Locator {
    return this.form.getByRole('button', { name });
  }
}

/** `/organisations` (coordinator): the organisations of the region and the form of a new one. */
export class OrganisationsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly form: OrganisationForm;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Organisaties' });
    this.list = page.getByRole('region', { name: 'Alle organisaties' });
    this.form = new OrganisationForm(page);
  }
}
