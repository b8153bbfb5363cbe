import type { Locator, Page } from '@playwright/test';

/** `/`: the home page of the role signed in. */
export class HomePage {
  constructor(readonly page: Page) {}

  /** The page's main heading. */
  heading(name: string): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1, name });
  }

  /** A section of the page by its heading. */
  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  link(name: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name, exact: true });
  }
}
