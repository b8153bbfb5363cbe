import type { Locator, Page } from '@playwright/test';

/** The main menu in the header, on every page. */
export class Navigation {
  readonly menu: Locator;
  readonly logoutButton: Locator;

  constructor(readonly page: Page) {
    this.menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    this.logoutButton = this.menu.getByRole('button', { name: 'Uitloggen' });
  }

  link(name: string): Locator {
    return this.menu.getByRole('link', { name, exact: true });
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
  }
}
