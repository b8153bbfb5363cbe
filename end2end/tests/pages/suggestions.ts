import type { Locator, Page } from '@playwright/test';

/** `/participants/{id}/suggestions`: the openings that fit, and a proposal from one. */
export class SuggestionsPage {
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('region', { name: 'Plaatsen die passen' });
  }

  /** A suggestion, by the title of its opening. */
  suggestion(title: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }
}
