import type { Locator, Page } from '@playwright/test';

/** `/participants/{id}`: a participant's profile, or the not-found page. */
export class ParticipantPage {
  readonly notFound: Locator;

  constructor(readonly page: Page) {
    this.notFound = page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/participants/${id}`);
  }

  name(fullName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: fullName });
  }

  /** The value of a term of the profile, such as "Niveau Nederlands". */
  fact(term: string): Locator {
    return this.page.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}
