"""A secretariat network's ten years, generated for the benchmark: twenty groups, their meetings and minutes,
and the actions those meetings gave, tracked through later meetings until done or dropped.

The same seed gives the same records; dates are counted back from today, so the data always ends in the
present: the last meeting of each group is a draft, the one before circulated, the earlier ones published,
and an upcoming meeting is on record. Departments are renamed and merged on the way (the old one's
successor set), and each record has the history rows the app would have written for it.

Everything is written with bulk inserts, a group at a time, so that 200,000 actions take a few minutes.
"""

import datetime
import functools
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from actions.models import Action, ActionOwner, Status, Update, keep_due_on
from meetings.models import (
    AgendaItem,
    Apology,
    Attendee,
    Department,
    Group,
    Meeting,
    MinutesStatus,
    Paragraph,
    Person,
)

ACTIONS_PER_MEETING = 100
"""At the density of a busy group: 200,000 actions make 2,000 meetings."""

BATCH = 5_000

TOPICS = [
    ("Human Trafficking", "IDMG HT"),
    ("Modern Slavery", "IDMG MS"),
    ("Domestic Abuse", "IDMG DA"),
    ("Serious Violence", "IDMG SV"),
    ("Homelessness", "IDMG HL"),
    ("Drugs", "IDMG DR"),
    ("Gangs and Youth Violence", "IDMG GYV"),
    ("Child Sexual Exploitation", "IDMG CSE"),
    ("Female Genital Mutilation", "IDMG FGM"),
    ("Forced Marriage", "IDMG FM"),
    ("Hate Crime", "IDMG HC"),
    ("Prison Reform", "IDMG PR"),
    ("Veterans", "IDMG VT"),
    ("Loneliness", "IDMG LN"),
    ("Armed Forces Covenant", "IDMG AFC"),
    ("Rough Sleeping", "IDMG RS"),
    ("Fraud", "IDMG FR"),
    ("Organised Immigration Crime", "IDMG OIC"),
    ("Knife Crime", "IDMG KC"),
    ("Victims", "IDMG VC"),
]

# Each department as a chain of names in force one after another: (short name, full name, from year).
# Year 0 is the start of the data; a later name is a rename (the old one's successor is the new one), and
# two chains ending in the same name are a merger.
DEPARTMENTS = [
    [("Home Office", "Home Office", 0)],
    [("MOJ", "Ministry of Justice", 0)],
    [("AGO", "Attorney General's Office", 0)],
    [("CPS", "Crown Prosecution Service", 0)],
    [("FCO", "Foreign and Commonwealth Office", 0), ("FCDO", "Foreign, Commonwealth & Development Office", 8)],
    [("DFID", "Department for International Development", 0), ("FCDO", "", 8)],
    [("BIS", "Department for Business, Innovation and Skills", 0), ("BEIS", "Department for Business", 4)],
    [("DECC", "Department of Energy and Climate Change", 0), ("BEIS", "", 4)],
    [
        ("DCLG", "Department for Communities and Local Government", 0),
        ("MHCLG", "Ministry of Housing, Communities and Local Government", 6),
        ("DLUHC", "Department for Levelling Up, Housing and Communities", 9),
    ],
    [("DH", "Department of Health", 0), ("DHSC", "Department of Health and Social Care", 6)],
    [("DfE", "Department for Education", 0)],
    [("DWP", "Department for Work and Pensions", 0)],
    [("HMRC", "HM Revenue and Customs", 0)],
    [("HM Treasury", "HM Treasury", 0)],
    [("Cabinet Office", "Cabinet Office", 0)],
    [("DfT", "Department for Transport", 0)],
    [("DCMS", "Department for Culture, Media and Sport", 0)],
    [("Defra", "Department for Environment, Food and Rural Affairs", 0)],
    [("MOD", "Ministry of Defence", 0)],
    [("UKHTC", "UK Human Trafficking Centre", 0), ("NCA", "National Crime Agency", 2)],
    [("MPS", "Metropolitan Police Service", 0)],
    [("Northern Ireland Executive", "Northern Ireland Executive", 0)],
    [("Scottish Executive", "Scottish Executive", 0), ("Scottish Government", "Scottish Government", 1)],
    [("Welsh Assembly Government", "Welsh Assembly Government", 0), ("Welsh Government", "Welsh Government", 1)],
    [("Scotland Office", "Scotland Office", 0)],
    [("Wales Office", "Wales Office", 0)],
    [("Northern Ireland Office", "Northern Ireland Office", 0)],
    [("LGA", "Local Government Association", 0)],
    [("NHS England", "NHS England", 0)],
    [("NPCC", "National Police Chiefs' Council", 0)],
]
HOME_OFFICE_SHARE = 0.3
"""The share of actions the Home Office leads: the department whose page lists the most."""

FIRST_NAMES = [
    "Anne",
    "Mark",
    "Jeremy",
    "Lynne",
    "Sarah",
    "David",
    "Carl",
    "Helen",
    "James",
    "Paul",
    "Karen",
    "Simon",
    "Emma",
    "Robert",
    "Claire",
    "Peter",
    "Julia",
    "Michael",
    "Alison",
    "Richard",
    "Fiona",
    "Andrew",
    "Joanna",
    "Stephen",
    "Ruth",
    "Nicholas",
    "Laura",
    "Daniel",
    "Rachel",
    "Thomas",
    "Victoria",
    "Edward",
    "Catherine",
    "George",
    "Sophie",
    "Hugh",
    "Margaret",
    "Ian",
    "Louise",
    "Brian",
    "Alan",
    "Priya",
    "Amir",
    "Grace",
    "Owen",
    "Siobhan",
    "Rhys",
    "Morag",
    "Niamh",
    "Kwame",
]
SURNAMES = [
    "Milton",
    "Harper",
    "Browne",
    "Featherstone",
    "Randerson",
    "Ford",
    "Sargeant",
    "Hanham",
    "Brokenshire",
    "Green",
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Wilson",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "White",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Harris",
    "Clarke",
    "Jackson",
    "Lewis",
    "Morgan",
    "Martin",
    "Cooper",
    "King",
    "Lee",
    "Baker",
    "Turner",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Scott",
    "Young",
    "Mitchell",
    "Kelly",
    "Patel",
    "Khan",
    "Campbell",
    "Murray",
]
POST_NOMINALS = ["MP", "MP", "MP", "", "", "MLA", "MSP", "AM", "QC"]

VERBS = [
    "report back on",
    "consider",
    "scope",
    "write to the Group on",
    "undertake further work on",
    "share the findings of",
    "review",
    "circulate a paper on",
    "set out options for",
    "confirm the timetable for",
]
SUBJECTS = [
    "the toolkit for frontline staff",
    "data sharing between agencies",
    "the national referral mechanism",
    "support for victims in the community",
    "connections with source countries",
    "the training of prosecutors",
    "the awareness campaign",
    "funding for local partnerships",
    "guidance for employers",
    "the evaluation of the pilot",
    "the annual report",
    "best practice in the devolved administrations",
    "work with companies on supply chains",
    "the inspection findings",
    "a standing agenda item on progress",
]
ITEM_TITLES = [
    "Minutes of the last meeting and matters arising",
    "Presentation on prosecutions",
    "Country specific report",
    "Update from the devolved administrations",
    "Progress against the strategy",
    "Data and evidence",
    "Victim support",
    "Communications and awareness",
    "Funding",
    "Any other business",
]
SENTENCES = [
    "The Chair welcomed members to the meeting and thanked the officials who had prepared the papers.",
    "Members noted the progress made since the last meeting and agreed that more remained to be done.",
    "The Group discussed how data could be shared between agencies without breaching confidentiality.",
    "Officials set out the findings of the review and the options it recommended for the coming year.",
    "Several members stressed the importance of consistent training for frontline staff across the country.",
    "The devolved administrations described their own arrangements, which differ in law but share one aim.",
    "The Group agreed that the next report should include figures broken down by region and by age.",
    "It was noted that funding for local partnerships had been confirmed for a further two years.",
    "Members asked for a short paper setting out how the evaluation would be carried out and reported.",
    "The Chair summarised the discussion and thanked members for their contributions.",
]
UPDATE_TEXTS = [
    "Work has started; a draft is with officials for comment.",
    "A paper will come to the next meeting.",
    "Officials have met and agreed the approach.",
    "The report has been shared with the Group.",
    "Delayed by the spending review; now expected next quarter.",
    "Letters have gone to all partners; replies are coming in.",
]


@dataclass
class Generated:
    """What the generator wrote, counted."""

    counts: dict = field(default_factory=dict)

    def add(self, name, number):
        self.counts[name] = self.counts.get(name, 0) + number


@functools.cache
def _historical(model):
    """The model's history table, and the columns it copies (``model.history`` is costly to reach)."""
    historical = model.history.model
    return historical, [column.attname for column in historical.tracked_fields]


def _history(model, instance, when, *, kind="+", user_id=None):
    """The history row the app writes when ``instance`` is saved at ``when`` (django-simple-history's own)."""
    historical, columns = _historical(model)
    return historical(
        history_date=when,
        history_type=kind,
        history_user_id=user_id,
        history_change_reason=None,
        **{column: getattr(instance, column) for column in columns},
    )


def _moment(date, hour=10, minute=0):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, minute)))


class Generator:
    """Writes the data set; ``run()`` returns what it wrote."""

    def __init__(self, *, actions=200_000, groups=20, years=10, seed=2013, today=None, large_minutes=False):
        self.actions = actions
        self.groups = min(groups, len(TOPICS))
        self.years = years
        self.random = random.Random(seed)
        self.today = today or timezone.localdate()
        self.start = self.today - datetime.timedelta(days=round(365.25 * years))
        self.large_minutes = large_minutes
        self.generated = Generated()

    def run(self):
        with transaction.atomic():
            self.make_departments()
            self.make_people()
        meetings_per_group = max(4, round(self.actions / ACTIONS_PER_MEETING / self.groups))
        shares = self.split(self.actions, self.groups * meetings_per_group)
        for number in range(self.groups):
            with transaction.atomic():
                self.make_group(number, shares[number * meetings_per_group : (number + 1) * meetings_per_group])
        if self.large_minutes:
            with transaction.atomic():
                self.make_large_minutes()
        return self.generated

    def split(self, total, parts):
        """``total`` shared out between ``parts``, each between half and one and a half times the average."""
        weights = [self.random.uniform(0.5, 1.5) for _ in range(parts)]
        scale = total / sum(weights)
        shares = [int(weight * scale) for weight in weights]
        for index in self.random.sample(range(parts), total - sum(shares)):
            shares[index] += 1
        return shares

    def bulk(self, model, rows, created=None, user_id=None):
        """Insert the rows and, with ``created`` (a row's moment of creation), their history; count them."""
        model.objects.bulk_create(rows, batch_size=BATCH)
        self.generated.add(model._meta.model_name, len(rows))
        if created is not None:
            history = [_history(model, row, created(row), user_id=user_id) for row in rows]
            historical = _historical(model)[0]
            historical.objects.bulk_create(history, batch_size=BATCH)
            self.generated.add(historical._meta.model_name, len(history))

    # Departments and people

    def make_departments(self):
        """Every name each department has had, each old name's successor the next; and when each took over."""
        self.chains = []
        by_name = {}
        created = _moment(self.start - datetime.timedelta(days=30))
        for chain in DEPARTMENTS:
            names = []
            for short_name, name, year in chain:
                if short_name not in by_name:
                    by_name[short_name] = Department(short_name=short_name, name=name or short_name)
                since = self.start + datetime.timedelta(days=round(365.25 * year))
                names.append((since, by_name[short_name]))
            self.chains.append(names)
        departments = list(by_name.values())
        self.bulk(Department, departments)
        renamed = []
        for names in self.chains:
            for (_, old), (since, new) in zip(names, names[1:], strict=False):
                if old.successor_id is None:
                    old.successor = new
                    old._renamed_at = _moment(since)
                    renamed.append(old)
        Department.objects.bulk_update(renamed, ["successor"], batch_size=BATCH)
        history = [_history(Department, department, created) for department in departments]
        history += [_history(Department, old, old._renamed_at, kind="~") for old in renamed]
        _historical(Department)[0].objects.bulk_create(history, batch_size=BATCH)
        self.generated.add("historicaldepartment", len(history))
        self.home_office = 0

    def department_on(self, chain, date):
        """The name of the chain in force on the date."""
        current = self.chains[chain][0][1]
        for since, department in self.chains[chain]:
            if since <= date:
                current = department
        return current

    def make_people(self):
        names = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
        self.random.shuffle(names)
        count = min(len(names), max(40, self.actions // 100))
        people = []
        for name in names[:count]:
            suffix = self.random.choice(POST_NOMINALS)
            people.append(Person(name=f"{name} {suffix}".strip()))
        # Post-nominals can make two names one: keep the first.
        people = list({person.name: person for person in people}.values())
        created = _moment(self.start - datetime.timedelta(days=30))
        self.bulk(Person, people, lambda person: created)
        # Each person speaks for one department (chain) throughout: a few people per department.
        self.people_of = {chain: [] for chain in range(len(self.chains))}
        for person in people:
            self.people_of[self.random.randrange(len(self.chains))].append(person)
        for chain, of_chain in self.people_of.items():
            if not of_chain:
                of_chain.append(people[chain % len(people)])

    # A group's ten years

    def make_group(self, number, action_counts):
        topic, short_name = TOPICS[number]
        group = Group(
            name=f"Inter-Departmental Ministerial Group on {topic}",
            short_name=short_name,
            slug=f"idmg-{topic.lower().replace(' ', '-')}",
        )
        self.bulk(Group, [group], lambda group: _moment(self.start - datetime.timedelta(days=30)))
        User = get_user_model()
        secretary = User(username=f"secretariat-{group.slug}"[:150], first_name="Sam", last_name=f"Clerk {number}")
        secretary.set_unusable_password()
        User.objects.bulk_create([secretary])
        group.secretariat.add(secretary)
        self.generated.add("user", 1)
        self.secretary = secretary

        meetings = self.make_meetings(group, len(action_counts))
        items = self.make_minutes(meetings)
        self.make_actions(group, meetings, items, action_counts)

    def make_meetings(self, group, count):
        """The group's meetings, evenly spread over the years with a few days either way, and one to come."""
        span = (self.today - datetime.timedelta(days=14) - self.start).days
        dates = sorted(
            {
                self.start
                + datetime.timedelta(days=round(span * index / max(count - 1, 1)) - self.random.randint(0, 5))
                for index in range(count)
            }
        )
        dates.append(self.today + datetime.timedelta(days=self.random.randint(20, 40)))
        meetings = []
        for index, date in enumerate(dates):
            upcoming = index == len(dates) - 1
            meeting = Meeting(
                group=group,
                date=date,
                start_time=datetime.time(10, 30),
                end_time=datetime.time(12, 0),
                place="Home Office, 2 Marsham Street",
                next_meeting_date=None if upcoming else dates[index + 1],
                next_meeting_start_time=None if upcoming else datetime.time(10, 30),
                next_meeting_end_time=None if upcoming else datetime.time(12, 0),
                next_meeting_place="" if upcoming else "Home Office, 2 Marsham Street",
            )
            meetings.append(meeting)
        self.bulk(Meeting, meetings)
        # The last meeting held is a draft, the one before it circulated; earlier minutes were approved
        # at the next meeting and published a week after it.
        held = meetings[:-1]
        history = [_history(Meeting, meeting, _moment(meeting.date, 9)) for meeting in meetings]
        for index, meeting in enumerate(held):
            if index == len(held) - 1:
                continue
            meeting.status = MinutesStatus.CIRCULATED
            meeting.version = 2
            history.append(_history(Meeting, meeting, _moment(meeting.date + datetime.timedelta(days=7)), kind="~"))
            if index >= len(held) - 2:
                continue
            approving = held[index + 1]
            meeting.status, meeting.approved_at, meeting.version = MinutesStatus.APPROVED, approving, 3
            history.append(_history(Meeting, meeting, _moment(approving.date, 12), kind="~"))
            meeting.status, meeting.version = MinutesStatus.PUBLISHED, 4
            meeting.published_at = _moment(approving.date + datetime.timedelta(days=7))
            history.append(_history(Meeting, meeting, meeting.published_at, kind="~"))
        Meeting.objects.bulk_update(held, ["status", "approved_at", "published_at", "version"], batch_size=BATCH)
        _historical(Meeting)[0].objects.bulk_create(history, batch_size=BATCH)
        self.generated.add("historicalmeeting", len(history))
        return meetings

    def make_minutes(self, meetings):
        """The register, apologies, agenda items and paragraphs of each meeting held; its items, by meeting."""
        attendees, apologies, items = [], [], []
        for meeting in meetings[:-1]:
            chains = self.random.sample(range(len(self.chains)), min(len(self.chains), self.random.randint(14, 20)))
            for position, chain in enumerate(chains[:-3], start=1):
                department = self.department_on(chain, meeting.date)
                person = self.random.choice(self.people_of[chain])
                official = self.random.random() < 0.3
                attendees.append(
                    Attendee(
                        meeting=meeting,
                        department=department,
                        person=None if official else person,
                        deputising_for=person if official else None,
                        role=Attendee.Role.CHAIR if position == 1 else Attendee.Role.MEMBER,
                        remote=self.random.random() < 0.1,
                        position=position,
                    )
                )
            for position, chain in enumerate(chains[-3:], start=1):
                department = self.department_on(chain, meeting.date)
                apologies.append(
                    Apology(
                        meeting=meeting,
                        department=department,
                        person=self.random.choice(self.people_of[chain]),
                        position=position,
                    )
                )
            titles = self.random.sample(ITEM_TITLES, self.random.randint(4, 7))
            for position, title in enumerate(titles, start=1):
                items.append(AgendaItem(meeting=meeting, number=position, title=title, position=position))
        self.bulk(Attendee, attendees, lambda row: _moment(row.meeting.date, 12))
        self.bulk(Apology, apologies, lambda row: _moment(row.meeting.date, 12))
        self.bulk(AgendaItem, items, lambda item: _moment(item.meeting.date, 12))
        paragraphs = []
        for item in items:
            for number in range(1, self.random.randint(2, 7) + 1):
                text = " ".join(self.random.sample(SENTENCES, self.random.randint(2, 4)))
                paragraphs.append(
                    Paragraph(agenda_item=item, number=f"{item.number}.{number}", text=text, position=number)
                )
        self.bulk(Paragraph, paragraphs, lambda row: _moment(row.agenda_item.meeting.date, 13))
        by_meeting = {}
        for item in items:
            by_meeting.setdefault(item.meeting_id, []).append(item)
        return by_meeting

    def owners_for(self, date):
        """The owning departments of an action raised on the date, lead first: one to three."""
        lead = 0 if self.random.random() < HOME_OFFICE_SHARE else self.random.randrange(1, len(self.chains))
        count = self.random.choices([1, 2, 3], weights=[60, 30, 10])[0]
        others = [chain for chain in self.random.sample(range(len(self.chains)), 4) if chain != lead]
        departments = []
        for chain in [lead, *others][:count]:
            department = self.department_on(chain, date)
            if department not in departments:
                departments.append(department)
        return departments

    def make_actions(self, group, meetings, items, action_counts, at_meetings=0.8, plan=None):
        """Each meeting's actions, their owners and their updates, given at the later meetings."""
        held = meetings[:-1]
        actions, plans = [], []
        for index, (meeting, count) in enumerate(zip(held, action_counts, strict=False)):
            meeting_items = items[meeting.pk]
            for number in range(1, count + 1):
                item = meeting_items[number * len(meeting_items) // (count + 1)]
                due = self.random.random()
                due_date = (
                    meeting.date + datetime.timedelta(days=self.random.randint(30, 180)) if 0.4 <= due < 0.8 else None
                )
                action = Action(
                    meeting=meeting,
                    meeting_date=meeting.date,
                    agenda_item=item,
                    number=number,
                    position=number,
                    text=f"{self.random.choice(VERBS).capitalize()} {self.random.choice(SUBJECTS)}",
                    due_at_next_meeting=due < 0.4,
                    due_date=due_date,
                    # Those due at the next meeting are given its date once all are made (``keep_due_on``).
                    due_on=due_date,
                )
                actions.append(action)
                plans.append((index, (plan or self.plan_updates)(index, len(held))))
        # The actions first as raised (open), then changed by each update: the history the app keeps.
        for action, (index, plan) in zip(actions, plans, strict=True):
            action._plan = plan
            action._raised = _moment(held[index].date, 13)
        # Each update changes its action: the states it went through, for its history, and where it ends.
        owners, updates = [], []
        for action in actions:
            for position, department in enumerate(self.owners_for(action.meeting.date), start=1):
                owners.append(
                    ActionOwner(action=action, department=department, is_lead=position == 1, position=position)
                )
            action._states = []
            status, version, closed_on = Status.OPEN, 1, None
            for meeting_index, new_status in action._plan:
                reported_at = held[meeting_index]
                at_meeting = self.random.random() < at_meetings
                when = _moment(reported_at.date, 14, self.random.randint(0, 59))
                if not at_meeting:
                    when -= datetime.timedelta(days=self.random.randint(1, 20))
                    when = max(when, action._raised + datetime.timedelta(hours=1))
                text = self.random.choice(UPDATE_TEXTS)
                if new_status == Status.DROPPED:
                    text = "Dropped: overtaken by the new strategy."
                elif new_status == Status.DONE:
                    text = "Done: the report has been shared with the Group."
                updates.append(
                    Update(
                        action=action,
                        author=self.secretary,
                        created_at=when,
                        text=text,
                        old_status=status,
                        new_status=new_status,
                        old_due_date=action.due_date,
                        new_due_date=action.due_date,
                        reported_at=reported_at if at_meeting else None,
                    )
                )
                status, version = new_status, version + 1
                happened = reported_at.date if at_meeting else timezone.localtime(when).date()
                closed_on = happened if status in (Status.DONE, Status.DROPPED) else None
                action._states.append((when, status, version, closed_on))
            action.status, action.version, action.closed_on = status, version, closed_on
        Action.objects.bulk_create(actions, batch_size=BATCH)
        keep_due_on(group.pk)
        self.generated.add("action", len(actions))

        action_history = []
        for action in actions:
            final = action.status, action.version, action.closed_on
            action.status, action.version, action.closed_on = Status.OPEN, 1, None
            action_history.append(_history(Action, action, action._raised, user_id=self.secretary.pk))
            for when, *state in action._states:
                action.status, action.version, action.closed_on = state
                action_history.append(_history(Action, action, when, kind="~", user_id=self.secretary.pk))
            action.status, action.version, action.closed_on = final
        _historical(Action)[0].objects.bulk_create(action_history, batch_size=BATCH)
        self.generated.add("historicalaction", len(action_history))
        self.bulk(ActionOwner, owners, lambda owner: owner.action._raised, user_id=self.secretary.pk)
        self.bulk(Update, updates)

    def plan_updates(self, index, held):
        """The updates an action raised at meeting ``index`` gets: (meeting index, new status), in order.

        Most are done or dropped within a few meetings; one in twenty-five stays in progress for good, and
        those of the last meetings are still open: so each group's matters arising hold a few hundred.
        """
        lasting = self.random.random() < 0.04
        count = self.random.choices([1, 2, 3], weights=[45, 40, 15])[0]
        plan, at = [], index
        for step in range(count):
            at += self.random.choice([1, 1, 1, 2])
            if at >= held:
                break
            closing = step == count - 1 and not lasting
            status = (Status.DROPPED if self.random.random() < 0.1 else Status.DONE) if closing else Status.IN_PROGRESS
            plan.append((at, status))
        return plan

    # The largest minutes: for timing the documents and the pages of one meeting

    def make_large_minutes(self, actions=120, arising=450):
        """A group whose last meeting raised 120 actions and reviewed 450 of the one before, each with an
        update given there: the minutes the documents' two-second target is measured on."""
        group = Group(name="Cross-Government Taskforce on Large Minutes", short_name="Taskforce", slug="large-minutes")
        self.bulk(Group, [group], lambda group: _moment(self.start))
        group.secretariat.add(self.secretary)
        earlier_date = self.today - datetime.timedelta(days=120)
        later_date = self.today - datetime.timedelta(days=30)
        meetings = [
            Meeting(group=group, date=earlier_date, next_meeting_date=later_date, place="Cabinet Office"),
            Meeting(group=group, date=later_date, place="Cabinet Office", status=MinutesStatus.CIRCULATED),
        ]
        self.bulk(Meeting, meetings, lambda meeting: _moment(meeting.date))
        earlier, later = meetings
        items = self.make_minutes([earlier, later, later])
        # Every action of the earlier meeting is reviewed at the later one, some closed there.

        def reviewed_at_the_later_meeting(index, held):
            return (
                [(1, self.random.choice([Status.IN_PROGRESS, Status.IN_PROGRESS, Status.DONE]))] if index == 0 else []
            )

        self.make_actions(
            group, [earlier, later, later], items, [arising, actions], at_meetings=1, plan=reviewed_at_the_later_meeting
        )
