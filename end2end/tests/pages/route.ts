import type { Locator, Page } from '@playwright/test';

/** The participant's route, on their home page (`/`) or in their file. */
export class RouteView {
  readonly nextStep: Locator;
  readonly nextMeeting: Locator;
  readonly actions: Locator;
  readonly steps: Locator;
  readonly coach: Locator;
  readonly budget: Locator;

  constructor(readonly page: Page) {
    this.nextStep = page.getByRole('region', { name: /Wat nu\?|ما التالي/ });
    this.nextMeeting = page.getByRole('region', { name: /Volgende bijeenkomst|اللقاء القادم/ });
    this.actions = page.getByRole('region', { name: /Te doen|مهامك/ });
    this.steps = page.getByRole('region', { name: /^(Jouw route|De route|مسارك)$/ }).getByRole('listitem');
    this.coach = page.getByRole('region', { name: /Je coach|مدربك/ });
    this.budget = page.getByRole('region', { name: /Budget|الميزانية/ });
  }

  /** A step of the route, by its name. */
  step(name: string): Locator {
    return this.steps.filter({ has: this.page.getByRole('heading', { level: 3, name }) });
  }

  action(text: string): Locator {
    return this.actions.getByRole('checkbox', { name: text });
  }
}
