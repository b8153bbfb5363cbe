import type { Locator, Page } from '@playwright/test';

/** `/participants/{id}/plan`: the goals with their actions. */
export class PlanPage {
  readonly heading: Locator;
  readonly addGoal: Locator;
  readonly goalTitle: Locator;
  readonly goalTarget: Locator;
  readonly saveGoal: Locator;
  readonly actionText: Locator;
  readonly actionDue: Locator;
  readonly actionOwner: Locator;
  readonly saveAction: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Actieplan' });
    this.addGoal = page.getByRole('button', { name: 'Doel toevoegen' });
    this.goalTitle = page.getByLabel('Doel', { exact: true });
    this.goalTarget = page.getByLabel('Streefdatum (mag leeg)');
    this.saveGoal = page.getByRole('button', { name: 'Doel opslaan' });
    this.actionText = page.getByLabel('Actie', { exact: true });
    this.actionDue = page.getByLabel('Datum (mag leeg)');
    this.actionOwner = page.getByLabel('Wie doet het?');
    this.saveAction = page.getByRole('button', { name: 'Actie opslaan' });
  }

  async goto(participant: string): Promise<void> {
    await this.page.goto(`/participants/${participant}/plan`);
  }

  /** A goal's card, by its title. */
  goal(title: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 2, name: title }) });
  }

  addAction(goal: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Actie toevoegen\\W+${goal}$`) });
  }

  action(text: string): Locator {
    return this.page.getByRole('checkbox', { name: text });
  }
}
