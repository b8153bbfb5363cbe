import type { Locator, Page } from '@playwright/test';

/** `/participants/{id}/consent`: what is shared with whom, and the form that gives consent. */
export class ConsentPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly form: Locator;
  readonly purpose: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Toestemming' });
    this.list = page.getByRole('region', { name: 'Vastgelegde toestemming' });
    this.form = page.getByRole('region', { name: 'Toestemming geven' });
    this.purpose = this.form.getByLabel('Waarvoor');
    this.submit = this.form.getByRole('button', { name: 'Toestemming geven' });
  }

  /** A consent in the list, by its recipient. */
  consent(recipient: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: recipient }) });
  }
}
