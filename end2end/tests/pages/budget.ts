import type { Locator, Page } from '@playwright/test';

/** `/participants/{id}/budget`: the budget bar, the requests and the form of a new one. */
export class BudgetPage {
  readonly heading: Locator;
  readonly bar: Locator;
  readonly used: Locator;
  readonly requests: Locator;
  readonly form: Locator;
  readonly category: Locator;
  readonly amount: Locator;
  readonly description: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Budget' });
    this.bar = page.getByRole('meter', { name: 'Opleidingsbudget' });
    this.used = page.locator('#budget-used');
    this.requests = page.getByRole('region', { name: 'Aanvragen' });
    this.form = page.getByRole('region', { name: 'Uitgave aanvragen' });
    this.category = this.form.getByLabel('Soort uitgave');
    this.amount = this.form.getByLabel('Bedrag');
    this.description = this.form.getByLabel('Omschrijving');
    this.submit = this.form.getByRole('button', { name: 'Aanvragen' });
  }

  async goto(participantId: string): Promise<void> {
    await this.page.goto(`/participants/${participantId}/budget`);
  }

  /** A request in the list, by its description. */
  request(description: string): Locator {
    return this.requests.getByRole('listitem').filter({ hasText: description });
  }
}
