import type { Locator, Page } from '@playwright/test';

/** `/openings/{id}`: an opening, and for a company visit the registration of a participant. */
export class OpeningPage {
  readonly registration: Locator;
  readonly participant: Locator;
  readonly register: Locator;

  constructor(readonly page: Page) {
    this.registration = page.getByRole('region', { name: 'Deelnemer aanmelden' });
    this.participant = this.registration.getByLabel('Deelnemer');
    this.register = this.registration.getByRole('button', { name: 'Aanmelden' });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  /** The value of a term of the details, such as "Nog vrij". */
  fact(term: string): Locator {
    return this.page.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}
