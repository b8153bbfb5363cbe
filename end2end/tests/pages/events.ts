import type { Locator, Page } from '@playwright/test';

/** `/events`: the upcoming events, and the form that publishes one. */
export class EventsPage {
  readonly heading: Locator;
  readonly add: Locator;
  readonly form: Locator;
  readonly kind: Locator;
  readonly title: Locator;
  readonly date: Locator;
  readonly time: Locator;
  readonly place: Locator;
  readonly capacity: Locator;
  readonly publish: Locator;
  readonly upcoming: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Bijeenkomsten voor organisaties' });
    this.add = page.getByRole('button', { name: 'Bijeenkomst organiseren' });
    this.form = page.locator('#event-form');
    this.kind = this.form.getByLabel('Soort bijeenkomst');
    this.title = this.form.getByLabel('Titel');
    this.date = this.form.getByLabel('Datum');
    this.time = this.form.getByLabel('Begintijd');
    this.place = this.form.getByLabel('Plaats', { exact: true });
    this.capacity = this.form.getByLabel('Aantal plaatsen');
    this.publish = this.form.getByRole('button', { name: 'Bijeenkomst plaatsen' });
    this.upcoming = page.getByRole('region', { name: 'Komende bijeenkomsten' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/events');
  }

  /** The box of a municipality the event is for. */
  municipality(name: string): Locator {
    return this.form.getByRole('checkbox', { name, exact: true });
  }
}
