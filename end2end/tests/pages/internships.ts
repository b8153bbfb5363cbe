import type { Locator, Page } from '@playwright/test';

/** `/participants/{id}/internships`: the participant's internships and the form that plans one. */
export class InternshipsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly form: Locator;
  readonly organisation: Locator;
  readonly firstDay: Locator;
  readonly lastDay: Locator;
  readonly hours: Locator;
  readonly supervisor: Locator;
  readonly submit: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Stages' });
    this.list = page.getByRole('region', { name: 'Alle stages' });
    this.form = page.getByRole('region', { name: 'Stage plannen' });
    this.organisation = this.form.getByLabel('Organisatie', { exact: true });
    this.firstDay = this.form.getByLabel('Eerste dag');
    this.lastDay = this.form.getByLabel('Laatste dag');
    this.hours = this.form.getByLabel('Uren per week');
    this.supervisor = this.form.getByLabel('Begeleider bij de organisatie');
    this.submit = this.form.getByRole('button', { name: 'Stage plannen' });
    this.status = page.getByRole('main').getByRole('status');
  }

  async goto(participantId: string): Promise<void> {
    await this.page.goto(`/participants/${participantId}/internships`);
  }
}
