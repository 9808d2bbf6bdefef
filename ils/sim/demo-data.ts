// The built-in demo library: patrons and items that cover every case the kiosk and the
// door must handle. Ages are fixed by birth date (the 12-year-old is 12 from June 2026 to
// May 2027); tests that depend on age set their clock. PINs are 4 digits.
import { type SimData } from './sim-data';

/** Who is who in the demo data (ids and PINs for tests, drills and the README). */
export const DEMO = {
  institution: 'DK-775100',
  branch: 'Hovedbiblioteket',
  patrons: {
    /** Adult by CPR (born 1980-03-01); has loans, one reserved by someone else. */
    adult: { id: '0103801001', pin: '1234' },
    /** Adult by library card (born 1972-05-20); holds: one ready, one pending. */
    adultCard: { id: '40000001', pin: '2345' },
    /** Child by CPR, born 2014-06-01 (7th digit 4, YY 14 -> 2014). */
    child12: { id: '0106144001', pin: '3456' },
    /** Teenager by CPR, born 2011-03-10 (15 from March 2026). */
    teen15: { id: '1003114003', pin: '4567' },
    /** Library card reported lost. */
    lostCard: { id: '40000002', pin: '5678' },
    /** Owes 250 kr. */
    owes250: { id: '2311652004', pin: '6789' },
    /** Owes 199 kr (library card). */
    owes199: { id: '40000003', pin: '7890' },
    /** Excluded from unstaffed hours. */
    excluded: { id: '0808882000', pin: '8901' },
    /** Adult by CPR (born 1958-12-24) with nothing on loan. */
    adultNoLoans: { id: '2412581000', pin: '9012' },
  },
  items: {
    available: ['5000000001', '5000000002', '5000000003', '5000000012', '5000000013', '5000000014'],
    film: '5000000004',
    threePartSet: '5000000005',
    onLoan: '5000000006',
    /** On loan to `adult`, reserved by `adultCard`: cannot be renewed; checkin -> hold shelf. */
    onLoanReserved: '5000000007',
    /** On the hold shelf for `adultCard`: nobody else may borrow it. */
    reservedForAnother: '5000000008',
    /** Interlibrary loan on loan to `adult`; checkin -> back to the lending library. */
    interlibrary: '5000000009',
    /** Belongs to another branch, on loan to `adultCard`; checkin -> send there. */
    otherBranch: '5000000010',
    /** On loan to `child12`. */
    childLoan: '5000000011',
  },
} as const;

const p = DEMO.patrons;
const i = DEMO.items;

export const DEMO_DATA: SimData = {
  institution: DEMO.institution,
  branch: DEMO.branch,
  libraryName: 'Demobiblioteket',
  patrons: [
    { id: p.adult.id, pin: p.adult.pin, name: 'Anna Andersen', birthDate: '1980-03-01', category: 'VOKSEN' },
    { id: p.adultCard.id, pin: p.adultCard.pin, name: 'Bo Berg', birthDate: '1972-05-20', category: 'VOKSEN' },
    { id: p.child12.id, pin: p.child12.pin, name: 'Carl Christensen', birthDate: '2014-06-01', category: 'BARN' },
    { id: p.teen15.id, pin: p.teen15.pin, name: 'Dorte Dahl', birthDate: '2011-03-10', category: 'UNG' },
    { id: p.lostCard.id, pin: p.lostCard.pin, name: 'Erik Eriksen', birthDate: '1985-09-14', cardLost: true, category: 'VOKSEN' },
    { id: p.owes250.id, pin: p.owes250.pin, name: 'Frida Frandsen', birthDate: '1965-11-23', feesDkk: 250, category: 'VOKSEN' },
    { id: p.owes199.id, pin: p.owes199.pin, name: 'Gustav Gram', birthDate: '1990-01-31', feesDkk: 199, category: 'VOKSEN' },
    { id: p.excluded.id, pin: p.excluded.pin, name: 'Hanne Holm', birthDate: '1988-08-08', excludedFromUnstaffed: true, category: 'VOKSEN' },
    { id: p.adultNoLoans.id, pin: p.adultNoLoans.pin, name: 'Ib Iversen', birthDate: '1958-12-24', category: 'VOKSEN' },
  ],
  items: [
    { id: i.available[0], title: 'Kaptajn Bimse', author: 'Søren Jessen', materialType: 'book' },
    { id: i.available[1], title: 'Ternet Ninja', author: 'Anders Matthesen', materialType: 'book' },
    { id: i.available[2], title: 'Hakkebakkeskoven', author: 'Thorbjørn Egner', materialType: 'book' },
    { id: i.film, title: 'Druk', author: 'Thomas Vinterberg', materialType: 'film' },
    { id: i.threePartSet, title: 'Dansk for begyndere (bog og 2 cd)', author: 'Lone Lund', materialType: 'book', partsInSet: 3 },
    { id: i.onLoan, title: 'Kongens Fald', author: 'Johannes V. Jensen', materialType: 'book', onLoanTo: p.adult.id, dueDate: '2026-12-01' },
    { id: i.onLoanReserved, title: "Smilla's fornemmelse for sne", author: 'Peter Høeg', materialType: 'book', onLoanTo: p.adult.id, dueDate: '2026-12-05', reservedBy: p.adultCard.id },
    { id: i.reservedForAnother, title: 'Erindringer', author: 'Karen Blixen', materialType: 'book', reservedBy: p.adultCard.id },
    { id: i.interlibrary, title: 'Gammel dansk ordbog', author: 'Verner Dahlerup', materialType: 'book', onLoanTo: p.adult.id, dueDate: '2026-12-10', interlibrary: true, homeBranch: 'Det Kgl. Bibliotek' },
    { id: i.otherBranch, title: 'Tro, håb og kærlighed', author: 'Ida Jessen', materialType: 'book', onLoanTo: p.adultCard.id, dueDate: '2026-12-12', homeBranch: 'Filial Øst' },
    { id: i.childLoan, title: 'Gummi Tarzan', author: 'Ole Lund Kirkegaard', materialType: 'book', onLoanTo: p.child12.id, dueDate: '2026-12-15' },
    { id: i.available[3], title: 'Min kamp 1', author: 'Karl Ove Knausgård', materialType: 'book' },
    { id: i.available[4], title: 'Ved vejen', author: 'Herman Bang', materialType: 'book' },
    { id: i.available[5], title: 'Minecraft: Story Mode', materialType: 'video-game' },
  ],
};
