import { it } from 'vitest';
import { snapshotOf, value } from '../../../test/support/plain-call.js';
const section = (s: any, slug: string) => s.sections.find((c: any) => c.slug === slug)!.content;
it('scratch', () => {
  const s = snapshotOf([
    'Ana Ruiz: Hola Ben. Morning all.',
    "Ana Ruiz: I'm Ana Ruiz, account manager at Threadline. Thanks for joining.",
    "Jordi Puig: Hola Ana.",
    "Jordi Puig: I'm Jordi Puig, revenue analyst at Almendro Hotels. We run twelve hotels.",
    "Dana Okafor: Morning all.",
    "Dana Okafor: This is Dana, head of procurement.",
    "Sam Lee: Hi. I'm the operations lead here.",
    'Ana Ruiz: How is Threadline working for your team?',
    'Jordi Puig: Our team uses it every day. Almendro Hotels saved 20 hours a week.',
  ]);
  console.log(section(s, 'engagement_details'));
  console.log(value(s, 'primary_contact'), value(s, 'contact_position'));
});
