import type { Locator, Page } from '@playwright/test';

/** `/accept-invitation#<token>`: the invitee chooses a password. */
export class AcceptInvitationPage {
  readonly heading: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Kies je wachtwoord' });
    this.password = page.getByLabel('Nieuw wachtwoord', { exact: true });
    this.submit = page.getByRole('button', { name: 'Wachtwoord opslaan' });
  }

  async goto(link: string): Promise<void> {
    await this.page.goto(link);
  }
}
