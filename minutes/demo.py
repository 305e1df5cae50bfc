"""The two published minutes of the IDMG on Human Trafficking, as demo and test data.

Transcribed from the minutes of 17 April 2012 and 11 March 2013. Numbers are those the minutes
use; a paragraph numbered "" is an unnumbered lead paragraph.
"""

import datetime

GROUP = {
    "slug": "idmg-human-trafficking",
    "name": "Inter-Departmental Ministerial Group on Human Trafficking",
    "short_name": "IDMG",
}

# short name, full name, successor's short name
DEPARTMENTS = [
    ("Home Office", "Home Office", None),
    ("AGO", "Attorney General's Office", None),
    ("BIS", "Department for Business, Innovation and Skills", None),
    ("CPS", "Crown Prosecution Service", None),
    ("DCLG", "Department for Communities and Local Government", None),
    ("DfE", "Department for Education", None),
    ("FCO", "Foreign and Commonwealth Office", None),
    ("MOJ", "Ministry of Justice", None),
    ("DFID", "Department for International Development", None),
    ("DH", "Department of Health", None),
    ("DWP", "Department for Work and Pensions", None),
    ("HMRC", "HM Revenue and Customs", None),
    ("Northern Ireland Executive", "Northern Ireland Executive", None),
    ("Scottish Government", "Scottish Government", None),
    ("Scottish Executive", "Scottish Executive", "Scottish Government"),
    ("Scotland Office", "Scotland Office", None),
    ("Wales Office", "Wales Office", None),
    ("Welsh Government", "Welsh Government", None),
    ("Welsh Assembly Government", "Welsh Assembly Government", "Welsh Government"),
    ("UKHTC", "UK Human Trafficking Centre", None),
    ("MPS", "Metropolitan Police Service", None),
]

CHAIR = "chair"

MEETINGS = [
    {
        "date": datetime.date(2012, 4, 17),
        "status": "published",
        "next_meeting_date": datetime.date(2012, 9, 13),
        "next_meeting_start_time": datetime.time(10, 30),
        "next_meeting_end_time": datetime.time(12, 0),
        "next_meeting_place": "the Home Office",
        # department, person, deputising for, role, via video link
        "attendees": [
            ("Home Office", "Damian Green MP", None, CHAIR, False),
            ("Home Office", "Chris Blairs", None, "", False),
            ("Home Office", None, None, "", False),
            ("MPS", None, None, "", False),
            ("AGO", None, "Edward Garnier QC MP", "", False),
            ("DCLG", "Baroness Hanham MP", None, "", False),
            ("DfE", "Tim Loughton MP", None, "", False),
            ("FCO", "Jeremy Browne MP", None, "", False),
            ("MOJ", "Crispin Blunt MP", None, "", False),
            ("DFID", None, "Stephen O’Brien MP", "", False),
            ("DH", None, "Anne Milton MP", "", False),
            ("DWP", None, "Chris Grayling MP", "", False),
            ("Wales Office", "David Jones MP", None, "", False),
            ("Northern Ireland Executive", "David Ford MLA", None, "", False),
            ("Scotland Office", None, "David Mundell MP", "", False),
            ("Scottish Executive", None, "Kenny MacAskill MSP", "", True),
            ("Scottish Executive", None, "Kenny MacAskill MSP", "", True),
        ],
        "apologies": [
            ("Home Office", "Lynne Featherstone MP"),
            ("DFID", "Stephen O’Brien MP"),
            ("DH", "Anne Milton MP"),
            ("DWP", "Chris Grayling MP"),
            ("Scottish Executive", "Kenny MacAskill MSP"),
            ("Scotland Office", "David Mundell MP"),
            ("Welsh Assembly Government", "Carl Sargeant AM"),
            ("AGO", "Edward Garnier QC MP"),
        ],
        "agenda_items": [
            {
                "number": 2,
                "title": "Human Trafficking and the Olympics",
                "paragraphs": [
                    (
                        "",
                        "Officials from the Olympic Security Directorate, Home Office and SCD9, MPS provided an update on the Olympic Games from a policy and operational perspective.",
                    ),
                    (
                        "2.1",
                        "There is no evidence to date of an increase in trafficking due to the Olympics. However, if a threat occurred, intelligence structures were in place to deal with it. Provisions exist within the Serious Organised Crime project (part of the Olympic Safety and Security Programme) with links to UK Human Trafficking Centre (UKHTC) and the Serious Organised Crime Agency to upscale this response as needed. Police officers are prepared and have been issued with trafficking toolkits.",
                    ),
                    (
                        "2.2",
                        "The Group was reassured that trends will continue to be monitored to ensure any changes are quickly identified and dealt with, especially relating to on-street prostitution. The Home Office and law enforcement agencies are engaged with third sector stakeholders to mitigate this threat through wider messaging and targeting campaigns. Media in the UK and source countries is also being utilised to spread awareness on trafficking.",
                    ),
                    (
                        "2.3",
                        "A key potential risk is the use of supply chains for trafficking into the hospitality sector leading to increased labour exploitation. IDMG were notified that SCD9 are working with Anti-Slavery international and Human Rights in Business on ‘Staff Wanted’, a project to highlight the potential dangers of trafficking to those seeking employment in the UK.",
                    ),
                ],
                "actions": [],
            },
            {
                "number": 3,
                "title": "Role of the IDMG – National Rapporteur function",
                "paragraphs": [
                    (
                        "",
                        "Home Office introduced the discussion on the role and remit of the group, which needs to be revised in order to perform the National Rapporteur function in compliance with the requirements in the EU Directive on Human Trafficking.",
                    ),
                    (
                        "3.1",
                        "Analyse and assess trends in human trafficking/ frequency of meetings: To perform the rapporteur function effectively, particularly the assessment of trends, it was suggested the frequency of meetings was increased. However, it was agreed that the current arrangements for twice a year are sufficient, with the Officials’ Strategy Board meetings providing a support function to the IDMG. The majority of the Group felt this would ensure good attendance at meetings but also agreed that if needed urgent meetings between specific IDMG members could be arranged at any time.",
                    ),
                    (
                        "3.2",
                        "Work with Civil Society Organisations: it would be difficult to invite every NGO as a standing member and problematic if only a select few were included as members. The option agreed was to ensure structured input from the NGO community through the Strategy Board and that representatives could be invited to specific meetings as needed.",
                    ),
                    (
                        "3.3",
                        "Produce a report: Production of an annual report was agreed by the Group. The first report would be produced for October 2012 in time for Anti-Slavery Day (18 October) in order to also capture the first anniversary of the Human Trafficking Strategy. It was noted that the report needed to cover the UK as a whole.",
                    ),
                    (
                        "3.4",
                        "Membership: A suggestion was put forward that membership also include HMRC due to recent issues surrounding benefit/identity fraud and trafficking. Home Office agreed to check with HMRC if this was required.",
                    ),
                    ("", "Home Office also provided a general update on human trafficking."),
                    (
                        "3.5",
                        "To take forward the actions arising out of the Human Trafficking Strategy, a range of themed stakeholder groups were set up last year, bringing together key NGO stakeholders and cross-departmental officials. The groups are working well; they have met three times and already generated some useful ideas and suggestions, which are now being taken forward whilst considering how best to take these groups forward.",
                    ),
                    (
                        "3.6",
                        "The Strategy Board has so far met twice and will continue to provide support and direction to the IDMG by overseeing and coordinating human trafficking work across the various Government Departments. It was agreed at this meeting that the Strategy Board would more formally provide an update paper for IDMG meetings and reports should be produced quarterly to be sent to all IDMG members.",
                    ),
                ],
                "actions": [],
            },
            {
                "number": 4,
                "title": "Assessment of trends in human trafficking",
                "paragraphs": [
                    ("", "Official from the Home Office provided an analysis of the data to the Group."),
                    (
                        "4.1",
                        "The data covered recent referral trends, focusing on nationality, exploitation type, age, gender, as well as victim support by region and provider.",
                    ),
                    (
                        "4.2",
                        "Further information on internal trafficking was considered useful to the Group, as the National Referral Mechanism (NRM) data provided also includes referrals of UK nationals. UKHTC agreed to provide a further update.",
                    ),
                    (
                        "4.3",
                        "It was noted that the Group will receive regular updates from the UKHTC on the information held on the NRM. The Home Office is working with UKHTC to produce data on a quarterly basis.",
                    ),
                ],
                "actions": [
                    {
                        "text": "UKHTC to provide further information on internal trafficking.",
                        "owners": ["UKHTC"],
                        "lead": "UKHTC",
                    },
                ],
            },
            {
                "number": 5,
                "title": "AOB",
                "paragraphs": [
                    (
                        "5.1",
                        "DH suggested a presentation on DH’s trafficking and health project, which aims to promote training and awareness of trafficking amongst health professionals, for the IDMG agenda.",
                    ),
                    (
                        "5.2",
                        "FCO and DfiD provided a brief update on their work with international partners in source countries. It was noted that the UK’s source country priority list should be reviewed once a year in order to effectively feed into country business plans. Home Office confirmed that the list would next be reviewed post August 2012.",
                    ),
                    (
                        "5.3",
                        "The next IDMG meeting will be held on 13 September 2012, from 10.30 am to 12 pm at the Home Office.",
                    ),
                ],
                "actions": [],
            },
        ],
    },
    {
        "date": datetime.date(2013, 3, 11),
        "status": "published",
        "attendees": [
            ("Home Office", "Mark Harper MP", None, CHAIR, False),
            ("Home Office", None, None, "", False),
            ("AGO", "Oliver Heald MP", None, "", False),
            ("BIS", "Jo Swinson MP", None, "", False),
            ("DCLG", None, "Baroness Hanham MP", "", False),
            ("DfE", None, "Edward Timpson MP", "", False),
            ("FCO", None, "Hugo Swire MP", "", False),
            ("MOJ", "Helen Grant MP", None, "", False),
            ("DFID", None, "Lynne Featherstone MP", "", False),
            ("DH", None, "Anna Soubry MP", "", False),
            ("DWP", None, "Mark Hoban MP", "", False),
            ("Northern Ireland Executive", "David Ford MLA", None, "", True),
            ("Scottish Government", None, "Kenny MacAskill MSP", "", False),
            ("Scotland Office", None, "David Mundell MP", "", False),
            ("Wales Office", "Baroness Randerson", None, "", False),
            ("Welsh Government", "Carl Sargeant AM", None, "", False),
            ("Welsh Government", None, None, "", False),
            ("UKHTC", None, None, "", False),
        ],
        "apologies": [
            ("Home Office", "Jeremy Browne MP"),
            ("DCLG", "Baroness Hanham MP"),
            ("DfE", "Edward Timpson MP"),
            ("FCO", "Hugo Swire MP"),
            ("DFID", "Lynne Featherstone MP"),
            ("DH", "Anna Soubry MP"),
            ("DWP", "Mark Hoban MP"),
            ("HMRC", "Jennie Granger"),
            ("Scottish Government", "Kenny MacAskill MSP"),
            ("Scotland Office", "David Mundell MP"),
        ],
        "agenda_items": [
            {
                "number": 1,
                "title": "Welcome",
                "paragraphs": [("1.1", "Mark Harper MP welcomed the IDMG Ministers.")],
                "actions": [],
            },
            {
                "number": 2,
                "title": "Presentation on human trafficking prosecutions and convictions in the UK",
                "paragraphs": [
                    (
                        "2.2",
                        "Oliver Heald MP, Solicitor General, with Helen Grant MP, provided an overview of prosecution and conviction data for England and Wales. Ministers agreed that the proposed programme of work on this issue will be invaluable in helping to get a better understanding on the nature of prosecutions and convictions for human trafficking offenders.",
                    ),
                    (
                        "2.3",
                        "Ministers agreed that it was also important to better capture what happened to victims who either did not report to the police, or where the police did not refer the file to CPS. This would include information on the support provided to victims.",
                    ),
                    (
                        "2.4",
                        "Comments made on the scope of the work: the Welsh Government requested that Welsh data is separated out as the Northern Ireland and Scotland figures have been; Ministers agreed that data should be published, following consideration by the IDMG; it is important to reflect that in some cases there are multiple victims for a single offender and to incorporate that into the figures; finally that data collection by local authority area rather than police force area is helpful, but map police data to it.",
                    ),
                    ("2.5", "Research into other jurisdictions was also endorsed by the group."),
                ],
                "actions": [
                    {
                        "text": "MOJ and AGO/CPS to undertake further work to explore prosecutions in Human Trafficking and for outputs to be considered at a future meeting of the Group for inclusion in the second Annual Report.",
                        "owners": ["MOJ", "AGO", "CPS"],
                        "lead": "MOJ",
                    },
                    {
                        "text": "Home Office and UKHTC to consider how to capture what happens to victims – how they are supported and how crime is investigated - before referral to the CPS.",
                        "owners": ["Home Office", "UKHTC"],
                        "lead": "Home Office",
                    },
                ],
            },
            {
                "number": 3,
                "title": "Analysis and Trends in human trafficking",
                "paragraphs": [
                    (
                        "3.1",
                        "The IDMG considered the human trafficking data collected by the UK Human Trafficking Centre (UKHTC).",
                    ),
                    (
                        "3.2",
                        "BIS wanted to know more about the different types of labour exploitation. UKHTC confirmed that the majority of victims were involved in illegal labour.",
                    ),
                    (
                        "3.3",
                        "Some members felt that it would be useful to capture information about what happens to victims after referral to the National Referral Mechanism. It was noted that such an exercise may be possible in Wales, due to the relatively small number of referrals.",
                    ),
                    (
                        "3.4",
                        "Mark Harper MP noted that the Home Office is looking to record data at local authority level.",
                    ),
                ],
                "actions": [
                    {
                        "text": "Update members on the data issue identified in the IDMG report published in October 2012, at the next IDMG meeting",
                        "owners": ["Home Office"],
                        "lead": "Home Office",
                        "due_at_next_meeting": True,
                    },
                ],
            },
            {
                "number": 4,
                "title": "The role of the Private Sector",
                "paragraphs": [
                    (
                        "4.1",
                        "Mark Harper explained that the Government is engaging with the private sector to explore how to increase anti-trafficking activity in the sector without placing undue burdens on businesses.",
                    ),
                    (
                        "4.2",
                        "BIS noted that businesses already have significant reporting requirements but that there are Government initiatives that encourage corporate responsibility including ‘Trading for Good’ and guidance produced with Acas.",
                    ),
                    (
                        "4.3",
                        "The Scottish Government noted that utility companies can come into contact with trafficking victims. The Scottish Government is doing some work with companies and the Chamber of Commerce and would be happy to report back to the Group on this work.",
                    ),
                    (
                        "4.4",
                        "The Group agreed that work should be done to identify organisations whose frontline workers may come into contact with victims of trafficking. The Royal Mail was identified as an example of such an organisation.",
                    ),
                    (
                        "4.5",
                        "It was noted that high risk sectors such as agriculture are already regulated by the Gangmasters Licensing Authority, however the Group agreed that it would be useful to know to what extent such regulation has prevented trafficking in this sector.",
                    ),
                    ("4.6", "FCO reported that they are about to launch a business and human rights strategy."),
                ],
                "actions": [
                    {
                        "text": "Home Office to lead work to identify organisations whose frontline workers may come into contact with victims of trafficking.",
                        "owners": ["Home Office"],
                        "lead": "Home Office",
                    },
                    {
                        "text": "Scotland to report back to the Group on the work they are doing with companies and the Chamber of Commerce.",
                        "owners": ["Scottish Government"],
                        "lead": "Scottish Government",
                    },
                ],
            },
            {
                "number": 5,
                "title": "IDMG Report",
                "paragraphs": [
                    (
                        "5.1",
                        "Mark Harper asked the Group for suggestions about the content, format and timing of the next report.",
                    ),
                    (
                        "5.2",
                        "Suggestions by the Group included: an open meeting to launch the publication of the report; case studies to demonstrate what has worked well; and regional case studies showcasing work in different parts of the UK.",
                    ),
                ],
                "actions": [
                    {
                        "text": "Home Office to implement Group's suggestions in drafting the next IDMG report",
                        "owners": ["Home Office"],
                        "lead": "Home Office",
                    },
                ],
            },
            {
                "number": 6,
                "title": "Country specific report – Nigeria",
                "paragraphs": [
                    (
                        "6.1",
                        "The FCO reported that work in Nigeria to combat human trafficking includes awareness-raising, lobbying of the government and capacity-building.",
                    ),
                    (
                        "6.2",
                        "The FCO works closely with SOCA but more work could be done with DfID. At home, more could be done to coordinate better on the Nigerian diaspora. FCO also noted that additional resource at post would facilitate anti-trafficking work.",
                    ),
                    (
                        "6.3",
                        "It was noted that Scotland, Northern Ireland and Wales have different top source countries from the UK as a whole, therefore future country specific reports should cover the priority countries for each part of the UK.",
                    ),
                    (
                        "6.4",
                        "There is scope for using UK firms in Nigeria to help with structured employment for victims of trafficking.",
                    ),
                    (
                        "6.5",
                        "The Group agreed that more work could be done to identify UK connections with source countries, for example UK companies.",
                    ),
                ],
                "actions": [
                    {
                        "text": "Home Office and FCO to scope connections with source countries",
                        "owners": ["Home Office", "FCO"],
                        "lead": "Home Office",
                    },
                    {
                        "text": "Home Office to focus next country specific report on a priority country for Scotland, Northern Ireland or Wales.",
                        "owners": ["Home Office"],
                        "lead": "Home Office",
                    },
                ],
            },
            {
                "number": 7,
                "title": "Activity update",
                "paragraphs": [
                    (
                        "7.1",
                        "The Group were updated on the following cross-Government activities: work is being carried out by Refugee Action and the Children’s Society on missing children; all UK countries should be compliant with the EU Directive on or shortly after 1 April; and the Department of Health is launching awareness-raising for healthcare professionals at the end of April.",
                    ),
                    (
                        "7.2",
                        "The Department of Health noted that they would be happy to facilitate a meeting for Wales on the awareness-raising work they are doing.",
                    ),
                    (
                        "7.3",
                        "The Group agreed that it would be useful to share details of best practice and of initiatives that have not worked.",
                    ),
                    (
                        "7.4",
                        "The Group agreed that it would be useful to hold thematic meetings on specific issues outside of the main IDMG to be attended by relevant Departments.",
                    ),
                    ("7.5", "The Group agreed to increase the frequency of IDMG meetings to three meetings a year."),
                ],
                "actions": [
                    {
                        "text": "Introduce standing agenda item on best practice (Home Office)",
                        "owners": ["Home Office"],
                        "lead": "Home Office",
                    },
                    {
                        "text": "Home Office to set up a series of thematic groups to tackle specific issues",
                        "owners": ["Home Office"],
                        "lead": "Home Office",
                    },
                ],
            },
        ],
    },
]

# The group's members and, for each, its usual representative from a date: the 2012 ministers from the
# 2012 minutes, replaced where the 2013 minutes name another after the September 2012 reshuffle.
MEMBERS = [
    ("Home Office", [(datetime.date(2012, 4, 17), "Damian Green MP"), (datetime.date(2012, 9, 4), "Mark Harper MP")]),
    ("AGO", [(datetime.date(2012, 4, 17), "Edward Garnier QC MP"), (datetime.date(2012, 9, 4), "Oliver Heald MP")]),
    ("BIS", [(datetime.date(2012, 9, 4), "Jo Swinson MP")]),
    ("DCLG", [(datetime.date(2012, 4, 17), "Baroness Hanham MP")]),
    ("DfE", [(datetime.date(2012, 4, 17), "Tim Loughton MP"), (datetime.date(2012, 9, 4), "Edward Timpson MP")]),
    ("FCO", [(datetime.date(2012, 4, 17), "Jeremy Browne MP"), (datetime.date(2012, 9, 4), "Hugo Swire MP")]),
    ("MOJ", [(datetime.date(2012, 4, 17), "Crispin Blunt MP"), (datetime.date(2012, 9, 4), "Helen Grant MP")]),
    (
        "DFID",
        [(datetime.date(2012, 4, 17), "Stephen O’Brien MP"), (datetime.date(2012, 9, 4), "Lynne Featherstone MP")],
    ),
    ("DH", [(datetime.date(2012, 4, 17), "Anne Milton MP"), (datetime.date(2012, 9, 4), "Anna Soubry MP")]),
    ("DWP", [(datetime.date(2012, 4, 17), "Chris Grayling MP"), (datetime.date(2012, 9, 4), "Mark Hoban MP")]),
    ("HMRC", []),
    ("Northern Ireland Executive", [(datetime.date(2012, 4, 17), "David Ford MLA")]),
    ("Scottish Government", [(datetime.date(2012, 4, 17), "Kenny MacAskill MSP")]),
    ("Scotland Office", [(datetime.date(2012, 4, 17), "David Mundell MP")]),
    (
        "Wales Office",
        [(datetime.date(2012, 4, 17), "David Jones MP"), (datetime.date(2012, 9, 4), "Baroness Randerson")],
    ),
    ("Welsh Government", [(datetime.date(2012, 4, 17), "Carl Sargeant AM")]),
    ("UKHTC", []),
]
