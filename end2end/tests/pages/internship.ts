import type { Locator, Page } from '@playwright/test';

/** `/internships/{id}`: an internship with its evaluations and the form of a new one. */
export class InternshipPage {
  readonly evaluations: Locator;
  readonly form: Locator;
  readonly moment: Locator;
  readonly remarks: Locator;
  readonly submit: Locator;
  readonly extension: Locator;
  readonly newLastDay: Locator;
  readonly extend: Locator;

  constructor(readonly page: Page) {
    this.evaluations = page.getByRole('region', { name: 'Evaluaties' });
    this.form = page.getByRole('region', { name: 'Evaluatie invullen' });
    this.moment = this.form.getByLabel('Moment');
    this.remarks = this.form.getByLabel('Toelichting (niet verplicht)');
    this.submit = this.form.getByRole('button', { name: 'Evaluatie opslaan' });
    this.extension = page.getByRole('region', { name: 'Verlengen' });
    this.newLastDay = this.extension.getByLabel('Nieuwe laatste dag');
    this.extend = this.extension.getByRole('button', { name: 'Verlenging goedkeuren' });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/internships/${id}`);
  }

  heading(organisation: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Stage bij ${organisation}` });
  }

  /** The group of buttons of one score, such as "Op tijd komen". */
  score(name: string): Locator {
    return this.form.getByRole('radiogroup', { name });
  }

  /** The value of a term of the details, such as "Voortgang". */
  fact(term: string): Locator {
    return this.page.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}
