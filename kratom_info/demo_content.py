"""Demo content for `manage.py load_demo_content`: fictional people, real confirmed sources."""

CONTRIBUTORS = [
    {
        "slug": "example-reviewer-demo",
        "name": "Example Reviewer (demo)",
        "credentials": "MD (fictional demo reviewer)",
        "bio": (
            "This is a fictional demo profile, not a real person or a real doctor. It shows how the site presents "
            "the medical reviewer who checks each page against its sources before publication. A live site "
            "replaces it with a named, qualified clinician and their real credentials."
        ),
        "conflicts_of_interest": "",
    },
    {
        "slug": "example-writer-demo",
        "name": "Example Writer (demo)",
        "credentials": "Health writer (fictional demo author)",
        "bio": (
            "This is a fictional demo profile, not a real person. It shows how the site credits the writer who "
            "drafts a page. Every page this profile appears on was written as demonstration content and checked "
            "against real, citable sources."
        ),
        "conflicts_of_interest": "",
    },
]

AUTHOR = "example-writer-demo"  # slug of the demo author
REVIEWER = "example-reviewer-demo"  # slug of the demo reviewer

SOURCES = [
    {
        "key": "fda-kratom",
        "title": "FDA and Kratom",
        "authors": "U.S. Food and Drug Administration",
        "venue": "U.S. Food and Drug Administration",
        "year": None,
        "url": "https://www.fda.gov/news-events/public-health-focus/fda-and-kratom",
        "doi": "",
        "pmid": "",
        "source_type": "government",
    },
    {
        "key": "cdc-mmwr-kratom-deaths-2019",
        "title": (
            "Notes from the Field: Unintentional Drug Overdose Deaths with Kratom Detected - 27 States, "
            "July 2016-December 2017"
        ),
        "authors": "Olsen EO, O'Donnell J, Mattson CL, Schier JG, Wilson N",
        "venue": "MMWR Morbidity and Mortality Weekly Report 68(14):326-327 (CDC)",
        "year": 2019,
        "url": "https://www.cdc.gov/mmwr/volumes/68/wr/mm6814a2.htm",
        "doi": "10.15585/mmwr.mm6814a2",
        "pmid": "",
        "source_type": "government",
    },
    {
        "key": "post-poison-centers-2019",
        "title": "Kratom exposures reported to United States poison control centers: 2011-2017",
        "authors": "Post S, Spiller HA, Chounthirath T, Smith GA",
        "venue": "Clinical Toxicology 57(10):847-854",
        "year": 2019,
        "url": "",
        "doi": "10.1080/15563650.2019.1569236",
        "pmid": "",
        "source_type": "observational",
    },
    {
        "key": "swogger-walsh-2018",
        "title": "Kratom use and mental health: A systematic review",
        "authors": "Swogger MT, Walsh Z",
        "venue": "Drug and Alcohol Dependence 183:134-140",
        "year": 2018,
        "url": "https://www.drugandalcoholdependence.com/article/S0376-8716(17)30558-6/fulltext",
        "doi": "10.1016/j.drugalcdep.2017.10.012",
        "pmid": "",
        "source_type": "systematic_review",
    },
    {
        "key": "yang-mental-health-meta-2024",
        "title": "Kratom (Mitragyna speciosa) Use and Mental Health: A Systematic Review and Multilevel Meta-Analysis",
        "authors": "Yang Y, Müller CP, Singh D",
        "venue": "European Addiction Research 30(4):252-274",
        "year": 2024,
        "url": "",
        "doi": "10.1159/000539338",
        "pmid": "",
        "source_type": "systematic_review",
    },
    {
        "key": "grundmann-survey-2017",
        "title": "Patterns of Kratom use and health impact in the US - Results from an online survey",
        "authors": "Grundmann O",
        "venue": "Drug and Alcohol Dependence 176:63-70",
        "year": 2017,
        "url": "https://pubmed.ncbi.nlm.nih.gov/28521200/",
        "doi": "10.1016/j.drugalcdep.2017.03.007",
        "pmid": "28521200",
        "source_type": "survey",
    },
    {
        "key": "garcia-romeu-survey-2020",
        "title": (
            "Kratom (Mitragyna speciosa): User demographics, use patterns, and implications for the opioid epidemic"
        ),
        "authors": "Garcia-Romeu A, Cox DJ, Smith KE, Dunn KE, Griffiths RR",
        "venue": "Drug and Alcohol Dependence 208:107849",
        "year": 2020,
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC7423016",
        "doi": "",
        "pmid": "",
        "source_type": "survey",
    },
    {
        "key": "singh-dependence-2014",
        "title": "Kratom (Mitragyna speciosa) dependence, withdrawal symptoms and craving in regular users",
        "authors": "Singh D, Müller CP, Vicknasingam BK",
        "venue": "Drug and Alcohol Dependence 139:132-137",
        "year": 2014,
        "url": "",
        "doi": "10.1016/j.drugalcdep.2014.03.017",
        "pmid": "24698080",
        "source_type": "survey",
    },
    {
        "key": "smith-kratom-use-disorder-2022",
        "title": "Assessment of Kratom Use Disorder and Withdrawal Among an Online Convenience Sample of US Adults",
        "authors": "Smith KE, Dunn KE, Rogers JM, Garcia-Romeu A, Strickland JC, Epstein DH",
        "venue": "Journal of Addiction Medicine 16(6):666-670",
        "year": 2022,
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC9402806",
        "doi": "10.1097/ADM.0000000000000986",
        "pmid": "35220331",
        "source_type": "survey",
    },
    {
        "key": "schimmel-dart-liver-2020",
        "title": "Kratom (Mitragyna Speciosa) Liver Injury: A Comprehensive Review",
        "authors": "Schimmel J, Dart RC",
        "venue": "Drugs 80(3):263-283",
        "year": 2020,
        "url": "https://www.springermedicine.com/kratom-mitragyna-speciosa-liver-injury-a-comprehensive-review/24699770",
        "doi": "10.1007/s40265-019-01242-6",
        "pmid": "",
        "source_type": "systematic_review",
    },
    {
        "key": "livertox-kratom-case-8332",
        "title": "Summary of Case 8332 (kratom)",
        "authors": "",
        "venue": "LiverTox: Clinical and Research Information on Drug-Induced Liver Injury (NIDDK, NIH)",
        "year": None,
        "url": "https://livertox.niddk.nih.gov/Home/ReferenceCases/kratom/8332",
        "doi": "",
        "pmid": "",
        "source_type": "case_report",
    },
    {
        "key": "tanna-cyp-inhibition-lab",
        "title": (
            "Refined Prediction of Pharmacokinetic Kratom-Drug Interactions: Time-Dependent Inhibition Considerations"
        ),
        "authors": "",
        "venue": "Journal of Pharmacology and Experimental Therapeutics 376(1):64",
        "year": None,
        "url": "https://jpet.aspetjournals.org/content/376/1/64",
        "doi": "",
        "pmid": "",
        "source_type": "lab_or_animal",
    },
    {
        "key": "huisman-strains-2023",
        "title": "Examining the Psychoactive Differences between Kratom Strains",
        "authors": "Huisman G, Menke M, Grundmann O, Schreiber R, Mason N",
        "venue": "International Journal of Environmental Research and Public Health 20(14):6425",
        "year": 2023,
        "url": "https://www.mdpi.com/1660-4601/20/14/6425",
        "doi": "10.3390/ijerph20146425",
        "pmid": "",
        "source_type": "survey",
    },
    {
        "key": "hill-vendor-websites-2023",
        "title": (
            "Evaluating health information provided to kratom consumers by good manufacturing "
            "practice-qualified vendors"
        ),
        "authors": "Hill K, Gibson S, Grundmann O, Smith KE, Ballard J, Stanciu CN",
        "venue": "Substance Abuse Treatment, Prevention, and Policy 18:21",
        "year": 2023,
        "url": "https://substanceabusepolicy.biomedcentral.com/articles/10.1186/s13011-023-00531-4",
        "doi": "10.1186/s13011-023-00531-4",
        "pmid": "",
        "source_type": "observational",
    },
    {
        "key": "cipriani-antidepressants-2018",
        "title": (
            "Comparative efficacy and acceptability of 21 antidepressant drugs for the acute treatment of adults "
            "with major depressive disorder: a systematic review and network meta-analysis"
        ),
        "authors": "Cipriani A, Furukawa TA, Salanti G, et al.",
        "venue": "The Lancet 391:1357-1366",
        "year": 2018,
        "url": "",
        "doi": "10.1016/S0140-6736(17)32802-7",
        "pmid": "",
        "source_type": "systematic_review",
    },
    {
        "key": "cuijpers-psychotherapy-2017",
        "title": (
            "Four Decades of Outcome Research on Psychotherapies for Adult Depression: "
            "An Overview of a Series of Meta-Analyses"
        ),
        "authors": "",
        "venue": "Canadian Psychology 58(1):7-19",
        "year": 2017,
        "url": "",
        "doi": "10.1037/cap0000096",
        "pmid": "",
        "source_type": "systematic_review",
    },
    {
        "key": "crs-dea-scheduling-2016",
        "title": "DEA Scheduling Actions on Kratom (CRS Insight IN10593)",
        "authors": "Sacco LN",
        "venue": "Congressional Research Service",
        "year": 2016,
        "url": "https://legistorm.com/reports/view/crs/238310/DEA_Scheduling_Actions_on_Kratom.html",
        "doi": "",
        "pmid": "",
        "source_type": "government",
    },
    {
        "key": "heavy-metals-news-2018",
        "title": "FDA adds heavy metals contamination to its list of concerns about kratom",
        "authors": "",
        "venue": "NutraIngredients-USA",
        "year": 2018,
        "url": (
            "https://nutraingredients-usa.com/Article/2018/12/03/"
            "FDA-adds-heavy-metals-contamination-to-its-list-of-concerns-about-kratom"
        ),
        "doi": "",
        "pmid": "",
        "source_type": "news",
    },
    {
        "key": "salmonella-outbreak-news-2018",
        "title": "Salmonella outbreak linked to kratom over: 199 cases in 41 states",
        "authors": "News Desk, Outbreak News Today",
        "venue": "Outbreak News Today (syndicated by pipedot.org)",
        "year": 2018,
        "url": "https://pipedot.org/3QZ34",
        "doi": "",
        "pmid": "",
        "source_type": "news",
    },
    {
        "key": "samhsa-988",
        "title": "988 Frequently Asked Questions",
        "authors": "Substance Abuse and Mental Health Services Administration",
        "venue": "SAMHSA (U.S. Department of Health and Human Services)",
        "year": None,
        "url": "https://www.samhsa.gov/find-help/988/faqs",
        "doi": "",
        "pmid": "",
        "source_type": "government",
    },
    {
        "key": "hrsa-poison-help",
        "title": "The Poison Help Line",
        "authors": "Health Resources and Services Administration",
        "venue": "Poison Help (HRSA, U.S. Department of Health and Human Services)",
        "year": None,
        "url": "https://www.poisonhelp.hrsa.gov/the-poison-help-line/index.html",
        "doi": "",
        "pmid": "",
        "source_type": "government",
    },
]

TOPICS = [
    {
        "slug": "depression-and-mood",
        "name": "Depression and mood",
        "description": "What is known, and what is only reported, about kratom and low mood.",
    },
    {
        "slug": "safety-and-risks",
        "name": "Safety and risks",
        "description": "Side effects, dependence, contamination and interactions, with how strong the evidence is.",
    },
    {
        "slug": "weighing-evidence",
        "name": "Weighing evidence",
        "description": "How to judge claims, studies and product labels you come across.",
    },
    {
        "slug": "treatment-options",
        "name": "Treatment options",
        "description": "Treatments for depression that have been tested, and how to get them.",
    },
    {
        "slug": "harm-reduction",
        "name": "Harm reduction",
        "description": "Practical, non-judgemental information for people who already use kratom.",
    },
]

FAQ_CATEGORIES = [
    {"slug": "basics", "name": "Basics", "order": 1},
    {"slug": "safety", "name": "Safety", "order": 2},
    {"slug": "treatment", "name": "Treatment", "order": 3},
]

ARTICLES = [
    {
        "slug": "kratom-and-depression",
        "title": "Kratom and depression: what is known, what is only reported, and what helps",
        "summary": (
            "People say kratom lifts their mood, but no controlled trial has tested it for depression. Here is "
            "what the research shows, what the risks are, and which treatments have been properly tested."
        ),
        "key_takeaways": [
            "No controlled trial has tested kratom as a treatment for depression.",
            "Surveys show many users say it helps their mood; these are self-reports, not proof.",
            "Dependence and withdrawal are documented, and withdrawal can include low mood and poor sleep.",
            "Products are unregulated: strength and purity vary, and contamination has been found.",
            "Antidepressants and talking therapies have been tested in many trials. A doctor can help you start.",
        ],
        "body": """\
## If you are feeling low right now

If you are reading this because you feel flat, worn out or stuck, thank you for looking for careful
information. Depression is a real illness, not a personal failing, and it does get better with the right help.

If you are thinking about ending your life, or you are not safe right now, please pause here and reach out.
In the US you can call or text 988, or chat at 988lifeline.org, at any hour, and you can also contact them if
you are worried about someone else [@samhsa-988]. Elsewhere, call your local emergency number.

## What kratom is

Kratom (*Mitragyna speciosa*) is a tree that grows in Southeast Asia. Its leaves contain plant compounds
called alkaloids. The main one, mitragynine, can act like a stimulant in smaller amounts and have some
opioid-like effects in larger amounts, according to CDC researchers [@cdc-mmwr-kratom-deaths-2019].

In the US, kratom is sold as powder, capsules, extracts and drinks. The US Food and Drug Administration (FDA)
has not approved it for treating any health condition, depression included, and has warned the public about
its risks [@fda-kratom].

## What people report

Many people who use kratom say it helps their mood, and that matters: it tells us why people reach for it.

- In an anonymous online survey of 2,798 people who used kratom, 65% said they took it for depression and
  67% for anxiety, and they rated it as working well [@garcia-romeu-survey-2020].
- An earlier online survey of 8,049 users found that 66% used it for emotional or mental health conditions.
  It recruited through the American Kratom Association, an advocacy group, so its sample may lean towards
  satisfied users [@grundmann-survey-2017].
- A systematic review of studies up to mid-2017 found that many users describe better mood and less
  anxiety [@swogger-walsh-2018].

These are self-reports from people who chose to keep using kratom. People who stopped because it did not help,
or because it harmed them, are less likely to answer such surveys. Reports like these cannot tell us whether
kratom treats depression, for whom, or at what cost. On this site we label them *low* (surveys) or
*anecdotal* (individual stories).

## What has not been shown

We looked for controlled trials of kratom as a treatment for depression and found none. A 2024 meta-analysis
pooled 36 studies and found no clear link, either way, between kratom use and "internalising" problems such as
depression and anxiety [@yang-mental-health-meta-2024]. It measured associations, which cannot show cause and
effect. In short: there is no good evidence that kratom reliably helps depression, and
no good evidence about how safe long-term use is for people who are depressed.

## Risks to weigh

- **Dependence and withdrawal.** Among 293 regular users in Malaysia, more than half had severe dependence
  problems. Reported withdrawal included aches, poor sleep, restlessness, anger and sadness
  [@singh-dependence-2014]. For someone already struggling with mood and sleep, that matters.
- **Problems serious enough to call a poison centre.** US poison centres logged 1,807 kratom exposures from
  2011 to 2017, and outcomes were worse when kratom was mixed with other substances
  [@post-poison-centers-2019].
- **Deaths where kratom was found.** Of 27,338 overdose deaths in CDC data, 152 people tested positive for
  kratom; all but seven of them also tested positive for other substances [@cdc-mmwr-kratom-deaths-2019].
- **Unreliable products.** A 2018 Salmonella outbreak linked to kratom made 199 people ill in 41 states
  [@salmonella-outbreak-news-2018], and FDA testing found lead and nickel above safe limits in some products
  [@heavy-metals-news-2018].
- **Liver injury.** A review of case reports concluded that kratom likely causes liver injury in some people,
  though the evidence is of low quality [@schimmel-dart-liver-2020].

## What has been tested, and where to start

Two kinds of treatment for depression have a large body of research behind them:

- **Antidepressants.** A network meta-analysis of 522 double-blind randomised trials found that all 21
  antidepressants studied worked better than placebo for adults with major depression, though the authors
  note the average short-term benefit is modest [@cipriani-antidepressants-2018].
- **Talking therapies.** An overview of meta-analyses found several therapies, including behavioural
  activation and interpersonal psychotherapy, effective; on average about as effective as medication, with the
  two combined working better than either alone [@cuijpers-psychotherapy-2017].

A good first step is your family doctor or a mental health service. It helps to tell them honestly if you use
kratom, so they can choose safe treatment and watch for interactions. Please do not stop or change prescribed
medicine on your own; your prescriber can plan any change with you.

## If something goes wrong

If someone may have taken too much of anything, the US Poison Help line is 1-800-222-1222; it is free and
confidential. If a person is unconscious or has trouble breathing, call 911 [@hrsa-poison-help]. For a
mental health crisis, call or text 988 [@samhsa-988].
""",
        "topics": ["depression-and-mood", "safety-and-risks", "treatment-options"],
        "is_featured": True,
        "related_risks": [
            "no-trials-for-depression",
            "dependence-and-withdrawal",
            "unregulated-products",
            "interactions-with-medicines",
        ],
        "related_faqs": [
            "can-kratom-help-depression",
            "what-are-the-risks-of-kratom",
            "is-there-a-safe-amount-of-kratom",
            "what-else-helps-depression",
            "kratom-with-antidepressants",
        ],
    },
    {
        "slug": "weighing-kratom-information-and-strain-labels",
        "title": "How to weigh what you read about kratom, and what strain labels mean",
        "summary": (
            "Most kratom information online comes from sellers. Here is how to tell a study from a sales pitch, "
            "and why red, green and white labels tell you less than they seem to."
        ),
        "key_takeaways": [
            "Ask who wrote it, who pays for it, and whether it links to studies you can check.",
            "A personal story is real to the person, but it is not evidence that something works for others.",
            "Vein colours and region names are trade labels, not tested categories.",
            "In one study, products sold as different colours had no significant difference in main alkaloids.",
            "Warnings deserve scrutiny too: count data and cause of harm are not the same thing.",
        ],
        "body": """\
## Why kratom information is hard to judge

If you search for kratom, most of what you find is written by people who sell it. That does not make every
word wrong, but it does mean the writer benefits when you buy. When researchers scored the websites of 42
sellers approved under the American Kratom Association's manufacturing programme, the average score for
quality of health information was 32.72 out of 75. Information about risks and benefits was especially
thin [@hill-vendor-websites-2023].

Advocacy can shape research too. One large and often quoted survey recruited its 8,049 respondents through
American Kratom Association channels [@grundmann-survey-2017]. People reached that way may be more positive
about kratom than people who tried it and stopped.

## A short checklist

When you read anything about kratom, including this site, it helps to ask:

1. **Who wrote it, and who pays them?** Is there a named author, and do they sell anything?
2. **Does it link to sources?** Can you open them and see that they say what is claimed?
3. **What kind of evidence is it?** A trial, a survey, a lab study, a single case, or a story?
4. **Does it give amounts to take?** Nobody can give a safe amount for an unregulated product of unknown
   strength, so precise dosing tips are a warning sign.
5. **Does it mention harms?** Honest sources talk about dependence, side effects and interactions.

## Kinds of evidence, from stronger to weaker

- **Systematic reviews and controlled trials** compare people who took something with people who did not,
  and are the best guide to cause and effect. For kratom and depression, we found no controlled trials.
- **Surveys and observational studies** show what users report and what happens to some people. A 2024
  meta-analysis that pooled associations from 36 such studies is an example [@yang-mental-health-meta-2024].
- **Lab and animal studies** suggest how something might work in the body, but not what it does in people.
- **Case reports** describe one person. They raise a flag, nothing more.
- **Anecdotes**, in forums, reviews and adverts, are what people say happened to them. We never present them
  as established.

Our [evidence levels](/evidence-levels/) page explains how we label each of these.

## What strain labels are

Kratom is sold under names that combine a vein colour (red, green or white) with a place (such as "Bali",
"Borneo" or "Thai"), or a brand-like name such as "Maeng Da". These are trade labels. They are not
standardised, and no controlled study has shown that one colour or region has different effects or is safer.

Sellers usually describe red as calming, white as energising and green as in between. A 2023 study put that
to the test. It surveyed 644 current users, who did report different experiences for red, green and white in
line with the usual marketing. But when an independent lab analysed the seller's products, there was no
significant difference in alkaloid content between the colours. The authors suggest that marketing and word of
mouth may shape what people expect and then feel [@huisman-strains-2023]. Most respondents bought from a single
seller, so the finding needs repeating, but it is a good reason to treat colour claims as marketing.

## Warnings need careful reading too

Being careful cuts both ways. Some frightening numbers are easy to misread:

- **Poison-centre calls** record problems, not typical use. They tell us harms happen, not how often
  [@post-poison-centers-2019].
- **"Kratom detected" is not "kratom caused".** In CDC data on overdose deaths, most people who tested positive
  for kratom also tested positive for other substances, and testing methods varied
  [@cdc-mmwr-kratom-deaths-2019].

None of this makes kratom safe. It means the honest answer is often "we do not know yet", and a trustworthy
source will say so.

## Where to get personal advice

For questions about your own health, a doctor or pharmacist can look at your whole situation, including any
medicines you take. If you are in crisis, call or text 988 in the US [@samhsa-988].
""",
        "topics": ["weighing-evidence", "depression-and-mood"],
        "is_featured": False,
        "related_risks": ["individual-variation", "no-trials-for-depression", "unregulated-products"],
        "related_faqs": ["do-strain-colours-matter", "can-kratom-help-depression"],
    },
    {
        "slug": "kratom-antidepressants-and-therapy",
        "title": "Kratom, antidepressants and talking therapy: comparing the evidence",
        "summary": (
            "Antidepressants and talking therapies have been tested in hundreds of trials; kratom has not been "
            "tested for depression at all. Why that matters, and why medicines should not be stopped or mixed "
            "without advice."
        ),
        "key_takeaways": [
            "Antidepressants have been tested in hundreds of randomised trials; benefits are real but modest.",
            "Several talking therapies work about as well as medication, and combining both can work better.",
            "Kratom has surveys and personal reports, but no controlled trials for depression.",
            "Lab studies show kratom compounds can block liver enzymes that break down some medicines.",
            "Do not stop, start or mix medicines without talking to your prescriber or pharmacist.",
        ],
        "body": """\
## Comparing like with like

When people compare kratom with antidepressants or therapy, they often compare a friend's story with a
medical leaflet. A fairer comparison asks the same question of each: how well has this been tested, in people
with depression, against something else?

| Option | Best evidence we found | What that means |
|---|---|---|
| Antidepressants | 522 randomised trials, pooled [@cipriani-antidepressants-2018] | Tested; modest average benefit |
| Talking therapies | Many meta-analyses [@cuijpers-psychotherapy-2017] | Tested; similar to medication |
| Kratom | Surveys and association studies [@yang-mental-health-meta-2024] | Not tested for depression |

## Antidepressants: what the trials show

A large network meta-analysis brought together 522 double-blind randomised trials of 21 antidepressants in
adults with major depression. Every one of the 21 worked better than placebo, and some did better than others.
The authors are also frank that, on average, the short-term benefit is modest [@cipriani-antidepressants-2018].

That honesty is useful. Antidepressants are not magic, and the first one tried is not always the right one.
But they have been tested in a way kratom has not, and a prescriber can adjust or change them safely.

## Talking therapies: what the trials show

An overview of a long series of meta-analyses found that several therapies, including behavioural activation,
interpersonal psychotherapy and problem-solving therapy, help adults with depression. On average they worked
about as well as medication, and combining therapy with medication worked better than either alone. They
helped when delivered one to one, in groups, or as guided self-help. The same overview warns that benefits
have been overstated, because many trials were of low quality and because studies with disappointing results
are less likely to be published. Therapy may also work somewhat less well when a substance use problem is
present too [@cuijpers-psychotherapy-2017].

## Kratom: what exists

For kratom, the evidence is of a different kind. Surveys show that many users say it helps their mood
[@garcia-romeu-survey-2020], and a systematic review found many users describe better mood and less
anxiety [@swogger-walsh-2018]. A 2024 meta-analysis of 36 studies found no clear link between kratom use and
depression or anxiety in either direction [@yang-mental-health-meta-2024]. None of these studies compared
kratom with a placebo or with an established treatment, so none can tell us whether kratom treats depression.

## Why not to stop or mix medicines without advice

It can be tempting to swap a prescription for something that feels more natural, or to add kratom on top.
Here is why it is worth talking to a professional first:

- **Interactions are possible.** In laboratory tests on human liver and gut tissue, mitragynine blocked CYP3A
  and CYP2D6, enzymes that break down many medicines. The researchers note that several deaths have involved
  kratom taken with other drugs, and that interactions may be one reason [@tanna-cyp-inhibition-lab]. Lab
  findings do not prove harm in people, but they are a reason for caution.
- **Mixing raises the stakes.** In US poison-centre data, exposures involving kratom plus other substances
  were more likely to lead to hospital admission and serious outcomes than kratom alone
  [@post-poison-centers-2019].
- **Stopping has its own risks.** Changing or stopping an antidepressant is best planned with the person who
  prescribed it, so that any change is gradual and supported.
- **Dependence can complicate treatment.** Regular kratom use can lead to dependence, with withdrawal that
  includes sadness and poor sleep [@singh-dependence-2014].

## What you can do

- Tell your doctor or pharmacist honestly about any kratom use. They are there to keep you safe, not to judge.
- Ask your pharmacist whether anything you take, including supplements, could interact.
- If a first treatment does not help, say so. There are other medicines and other therapies to try.
- If you feel worse, or have thoughts of harming yourself, get help the same day: call or text 988 in the
  US [@samhsa-988].
""",
        "topics": ["treatment-options", "depression-and-mood"],
        "is_featured": False,
        "related_risks": ["interactions-with-medicines", "no-trials-for-depression"],
        "related_faqs": ["kratom-with-antidepressants", "what-else-helps-depression"],
    },
    {
        "slug": "reducing-harm-if-you-use-kratom",
        "title": "If you already use kratom: ways to reduce harm",
        "summary": (
            "No judgement here. If you use kratom, this page covers product quality, mixing with other "
            "substances, signs of dependence, getting help to cut down or stop, and when to get urgent care."
        ),
        "key_takeaways": [
            "Kratom products are unregulated; contamination with Salmonella and heavy metals has been found.",
            "Mixing kratom with other substances is linked to more serious outcomes.",
            "Needing more, craving, or feeling unwell when you stop can be signs of dependence.",
            "A doctor can help you cut down or stop more comfortably; you do not have to do it alone.",
            "Yellow skin or eyes, dark urine, fainting or trouble breathing need medical help quickly.",
        ],
        "body": """\
## Starting without judgement

Many people use kratom to cope with pain, low mood, tiredness or withdrawal from other drugs. If that is you,
this page is for you. It does not tell you to use kratom, and it does not tell you how much to take, because
nobody can say what a safe amount is for products this variable. It aims to help you lower the risks while
you decide what is right for you, ideally with a professional.

## Product quality

Kratom is not approved by the FDA for any medical use [@fda-kratom], and there is no official check on what is
in the packet:

- In 2018, a Salmonella outbreak linked to kratom made 199 people ill across 41 states; 38% of them were
  admitted to hospital [@salmonella-outbreak-news-2018].
- FDA testing of 26 kratom products found lead and nickel above safe limits in some of them. The agency said
  a single use was unlikely to cause acute poisoning, but long-term use could lead to heavy metal poisoning in
  some people [@heavy-metals-news-2018].
- Seller websites, even those in an industry quality scheme, often give poor information about risks
  [@hill-vendor-websites-2023].

If a product makes you ill, stop using it, keep the packaging, and tell your doctor.

## Mixing with other substances

In US poison-centre data from 2011 to 2017, exposures where kratom was combined with other substances were
more likely to end in hospital admission and serious medical outcomes than kratom alone
[@post-poison-centers-2019]. In CDC data on overdose deaths where kratom was detected, all but seven of 152
people also tested positive for other substances [@cdc-mmwr-kratom-deaths-2019]. Laboratory work also shows
kratom compounds can block enzymes the body uses to clear many medicines [@tanna-cyp-inhibition-lab].

Practical steps: avoid combining kratom with alcohol or other drugs; tell your pharmacist about your kratom use
whenever you get a new medicine; and do not use it with prescription medicines unless a professional who knows
about both has said it is reasonable.

## Signs of dependence

Dependence can build slowly. In a study of regular users in Malaysia, more than half had severe dependence
problems, with withdrawal that included muscle aches, trouble sleeping, a runny nose, hot flushes, restlessness,
anger and sadness [@singh-dependence-2014]. In a US online sample, about 3 in 10 people who had used kratom
met criteria for a current kratom use disorder, the largest group of them mild
[@smith-kratom-use-disorder-2022].

Things to notice in yourself:

- needing more to get the same effect;
- strong cravings, or planning your day around kratom;
- feeling unwell, anxious or low when you miss it;
- trying to cut down and finding you cannot.

Noticing these is not a reason for shame. It is useful information to bring to a doctor.

## Getting help to cut down or stop

If you use kratom every day, talk to a doctor before stopping. Withdrawal can be unpleasant, and for people
with depression the low mood and poor sleep it can bring are hard to ride out alone. A doctor can help you
plan, treat symptoms, and look at what kratom was doing for you, such as easing pain or low mood, so that
those needs are met in another way. The 988 Lifeline also takes calls, texts and chats about substance use,
not only suicide [@samhsa-988].

## Look after your liver

A review of published cases concluded that kratom likely causes liver injury in some people; warning signs in
those cases included stomach discomfort, yellow skin or eyes, itching and dark urine
[@schimmel-dart-liver-2020]. One reference case held by the US government's LiverTox service describes a young
man who took kratom for depression, alongside other substances, and developed jaundice; his liver tests
improved after he stopped [@livertox-kratom-case-8332]. A single case cannot prove cause, but if you notice
these signs, stop and see a doctor promptly.

## When to get urgent help

- If someone may have taken too much, call Poison Help on 1-800-222-1222 (US). It is free and confidential,
  and answered by nurses, pharmacists and doctors [@hrsa-poison-help].
- If someone is unconscious or has trouble breathing, call 911 or your local emergency number straight away
  [@hrsa-poison-help]. Do the same if someone has a seizure or cannot be woken.
- If you are pregnant, please talk to your midwife or doctor: poison-centre records include newborns who
  went through withdrawal [@post-poison-centers-2019].
- If you have thoughts of harming yourself, call or text 988 [@samhsa-988].
""",
        "topics": ["harm-reduction", "safety-and-risks"],
        "is_featured": False,
        "related_risks": [
            "unregulated-products",
            "dependence-and-withdrawal",
            "interactions-with-medicines",
            "side-effects-and-liver-injury",
        ],
        "related_faqs": ["what-are-the-risks-of-kratom", "is-there-a-safe-amount-of-kratom"],
    },
]

FAQS = [
    {
        "slug": "can-kratom-help-depression",
        "title": "Can kratom help with symptoms of depression?",
        "summary": (
            "Some users say it lifts their mood, but kratom has never been tested for depression in a controlled "
            "trial. Self-reports cannot show whether it works, for whom, or at what cost."
        ),
        "body": """\
We do not know, and nobody can honestly say yes.

In surveys, many people who use kratom say it helps with low mood. In one online survey of 2,798 users, 65%
said they used it for depression and rated it highly [@garcia-romeu-survey-2020]. But these are self-reports
from people who kept using kratom, which is a weak kind of evidence.

We found no controlled trial of kratom for depression. A 2024 meta-analysis of associations in 36 studies
found no clear link, either way, between kratom use and depression or anxiety [@yang-mental-health-meta-2024].

Kratom can also cause dependence, and withdrawal can bring sadness and poor sleep [@singh-dependence-2014].
Treatments that have been tested, such as antidepressants and talking therapies, are a safer place to start.
A family doctor can help you find them.
""",
        "category": "treatment",
        "order": 1,
    },
    {
        "slug": "what-are-the-risks-of-kratom",
        "title": "What are the risks of using kratom?",
        "summary": (
            "Documented risks include dependence and withdrawal, unregulated and sometimes contaminated products, "
            "liver injury, and serious outcomes when kratom is mixed with other substances."
        ),
        "body": """\
The main risks that research and public health agencies have documented are:

- **Dependence and withdrawal**, with symptoms such as aches, poor sleep, restlessness and low mood
  [@singh-dependence-2014].
- **Harms serious enough to call a poison centre**, most often agitation and a fast heartbeat; outcomes were
  worse when kratom was mixed with other substances [@post-poison-centers-2019].
- **Contaminated products**, including a Salmonella outbreak [@salmonella-outbreak-news-2018] and products with
  lead and nickel above safe limits [@heavy-metals-news-2018].
- **Liver injury**, which a review of case reports judged likely in some people [@schimmel-dart-liver-2020].

Many of these findings come from surveys, case reports and poison-centre data, so we cannot say how common each
harm is. See our [risks](/risks/) pages for each one, with what you can do.
""",
        "category": "safety",
        "order": 1,
    },
    {
        "slug": "is-there-a-safe-amount-of-kratom",
        "title": "How much kratom is safe to take?",
        "summary": (
            "No safe amount has been established. Product strength varies, nothing is regulated, people react "
            "differently, and interactions and dependence add risk. A doctor or pharmacist can advise you."
        ),
        "body": """\
No safe amount of kratom has been established, so we do not give one. Here is why nobody can:

- **Products are not regulated.** The FDA has not approved kratom for any use [@fda-kratom], so nothing
  guarantees what a packet contains or how strong it is.
- **Labels are unreliable.** Products sold as different "strains" can have the same main alkaloid content
  [@huisman-strains-2023], and contamination has been found [@heavy-metals-news-2018].
- **People differ.** Body size, health, liver function and other medicines all change how a substance
  affects someone.
- **Interactions.** Kratom compounds can block enzymes that clear many medicines [@tanna-cyp-inhibition-lab].
- **Dependence.** Regular use can lead to dependence and withdrawal [@singh-dependence-2014].

**Where to get advice:** your doctor or pharmacist can look at your health and your medicines. If you think
someone has taken too much, call Poison Help on 1-800-222-1222 in the US, or 911 if they are unconscious or
struggling to breathe [@hrsa-poison-help].
""",
        "category": "safety",
        "order": 2,
    },
    {
        "slug": "what-else-helps-depression",
        "title": "What treatments for depression have good evidence?",
        "summary": (
            "Antidepressants and several talking therapies have been tested in many controlled trials. They do "
            "not work for everyone at first, but there are many options, and a doctor can help you find one."
        ),
        "body": """\
Two kinds of treatment have strong research behind them:

- **Antidepressants.** In a meta-analysis of 522 randomised trials, all 21 antidepressants studied worked better
  than placebo for adults with major depression. The average benefit is modest, and some medicines did better
  than others [@cipriani-antidepressants-2018]. If the first one does not suit you, there are others to try.
- **Talking therapies.** Behavioural activation, interpersonal psychotherapy, problem-solving therapy and others
  help, and on average work about as well as medication. Therapy and medication together can work better than
  either alone [@cuijpers-psychotherapy-2017].

Sleep, movement, daylight and time with people you trust can support recovery, though they are not a
replacement for treatment when depression is more than mild.

Your family doctor is a good first step. If things feel urgent, call or text 988 in the US [@samhsa-988].
""",
        "category": "treatment",
        "order": 2,
    },
    {
        "slug": "kratom-with-antidepressants",
        "title": "Can I use kratom while taking an antidepressant?",
        "summary": (
            "Please talk to your prescriber or pharmacist first. Kratom compounds can block liver enzymes that "
            "clear many medicines, and mixing substances is linked to worse outcomes. Do not stop medicine alone."
        ),
        "body": """\
Please do not combine them without talking to your prescriber or pharmacist first.

- In laboratory tests, mitragynine blocked CYP2D6 and CYP3A, enzymes the body uses to break down many
  medicines [@tanna-cyp-inhibition-lab]. Your pharmacist can tell you whether your medicines use these routes.
- In US poison-centre data, kratom combined with other substances led to more hospital admissions and serious
  outcomes than kratom alone [@post-poison-centers-2019].
- Controlled studies of kratom alongside antidepressants do not exist, so nobody can promise it is safe.

Please also do not stop an antidepressant suddenly to make room for kratom. Your prescriber can plan any
change with you. Being open about kratom use helps them keep you safe, and a good clinician will not judge you.
""",
        "category": "treatment",
        "order": 3,
    },
    {
        "slug": "is-kratom-legal",
        "title": "Is kratom legal?",
        "summary": (
            "It depends on where you are, and it changes. In the US, kratom was not a federally controlled "
            "substance in 2019, but the FDA has not approved it for any use and some places restrict it."
        ),
        "body": """\
It depends on where you live, and laws change.

In the US, CDC researchers noted that as of April 2019 kratom was not scheduled as a controlled substance,
although the Drug Enforcement Administration (DEA) lists it as a drug of concern
[@cdc-mmwr-kratom-deaths-2019]. In 2016 the DEA announced plans to place kratom's active compounds in
Schedule I, then withdrew the notice to take public comments [@crs-dea-scheduling-2016].

Legal is not the same as approved. The FDA has not approved kratom for any medical use [@fda-kratom].

Check the current law where you live. This page is not legal advice.
""",
        "category": "basics",
        "order": 1,
    },
    {
        "slug": "is-kratom-an-opioid",
        "title": "Is kratom an opioid?",
        "summary": (
            "Not exactly, but it acts partly like one. Its main alkaloid has stimulant-like effects in smaller "
            "amounts and some opioid-like effects in larger amounts, and regular use can cause dependence."
        ),
        "body": """\
Kratom is a plant, not a manufactured opioid, but it acts partly like one.

CDC researchers describe its main alkaloid, mitragynine, as having stimulant-like effects in smaller amounts
and some opioid-like effects in larger amounts [@cdc-mmwr-kratom-deaths-2019]. Like opioids, regular use can
lead to dependence and withdrawal [@singh-dependence-2014]. Some researchers find withdrawal often milder than
with opioids, while noting that for some people it is very uncomfortable and stopping is hard
[@swogger-walsh-2018].
""",
        "category": "basics",
        "order": 2,
    },
    {
        "slug": "do-strain-colours-matter",
        "title": "Do red, green and white kratom strains really differ?",
        "summary": (
            "Colour and region names are trade labels. Users report differences, but one lab analysis found "
            "no significant difference in main alkaloid content between colours. No strain is proven safer."
        ),
        "body": """\
The names are trade labels, and there is no controlled evidence that they differ in effects or safety.

A 2023 study surveyed 644 users, who did report different experiences for red, green and white, in line with
how sellers describe them. But a lab analysis of the seller's products found no significant difference in
alkaloid content between colours, which suggests expectations may shape the experience
[@huisman-strains-2023]. See [how to weigh kratom information](/articles/weighing-kratom-information-and-strain-labels/)
for more.
""",
        "category": "basics",
        "order": 3,
    },
]

STRAINS = [
    {
        "slug": "red-vein",
        "title": "Red vein kratom",
        "vein_colour": "red",
        "summary": (
            "Sold as the calming colour. Users report relaxation, but one lab analysis found no significant "
            "difference in main alkaloids between colours. No evidence it is safer or better for mood."
        ),
        "marketed_names": ["Red Bali", "Red Borneo", "Red Maeng Da", "Red Thai"],
        "cautions": [
            "Colour and region names are trade labels. They are not standardised and say nothing reliable "
            "about strength or purity.",
            "No colour has been shown to be safer than another, or to help depression.",
            "Products with the same name can differ between sellers and batches.",
            "Dependence and withdrawal can happen with any colour.",
            "Feeling drowsy makes driving and mixing with alcohol or sedating medicines more dangerous.",
        ],
        "body": """\
"Red vein" is how sellers label kratom they market as relaxing or soothing. The label is said to refer to the
colour of the leaf's central vein and how the leaf is dried, but it is not a standard, and no controlled study
has tested whether red products have different effects or are safer.

Users often describe red products as calming. A 2023 study found that users' reports did differ by colour in
the way marketing suggests, yet lab tests on the seller's products showed no significant difference in main
alkaloid content between colours [@huisman-strains-2023]. Expectation may play a large part.

Everything listed under reported effects is what users say, labelled *anecdotal*. It is not established.
""",
        "effects": [
            {
                "effect": "Some users report feeling calmer or more relaxed",
                "evidence_level": "anecdotal",
                "source": None,
            },
            {"effect": "Some users report feeling sleepy", "evidence_level": "anecdotal", "source": None},
            {"effect": "Some users report less physical discomfort", "evidence_level": "anecdotal", "source": None},
        ],
    },
    {
        "slug": "green-vein",
        "title": "Green vein kratom",
        "vein_colour": "green",
        "summary": (
            "Sold as a middle ground between red and white. Users describe a balanced effect, but there is no "
            "controlled evidence that green products differ from other colours in effects or safety."
        ),
        "marketed_names": ["Green Malay", "Green Borneo", "Green Maeng Da", "Green Thai"],
        "cautions": [
            "Colour and region names are trade labels. They are not standardised and say nothing reliable "
            "about strength or purity.",
            '"Balanced" is a marketing description, not a tested property.',
            "Products with the same name can differ between sellers and batches.",
            "Dependence and withdrawal can happen with any colour.",
            "Tell your doctor or pharmacist about any kratom use before starting a new medicine.",
        ],
        "body": """\
"Green vein" is the label sellers use for kratom they market as a middle ground: less sedating than red, less
stimulating than white. Like the other colours, it is a trade label, not a standard category, and no
controlled study supports different effects or safety.

In a 2023 study, users reported colour-specific experiences, but the products they bought showed no
significant difference in main alkaloid content between colours [@huisman-strains-2023].

The reported effects below are what users say, labelled *anecdotal*. They are not established.
""",
        "effects": [
            {
                "effect": "Some users describe a balanced feeling, between alert and calm",
                "evidence_level": "anecdotal",
                "source": None,
            },
            {"effect": "Some users report a lift in mood", "evidence_level": "anecdotal", "source": None},
            {"effect": "Some users report feeling more sociable", "evidence_level": "anecdotal", "source": None},
        ],
    },
    {
        "slug": "white-vein",
        "title": "White vein kratom",
        "vein_colour": "white",
        "summary": (
            "Sold as the energising colour. Users report alertness, and some report restlessness. There is no "
            "controlled evidence that white products differ from other colours in effects or safety."
        ),
        "marketed_names": ["White Borneo", "White Maeng Da", "White Thai", "White Sumatra"],
        "cautions": [
            "Colour and region names are trade labels. They are not standardised and say nothing reliable "
            "about strength or purity.",
            "If you live with anxiety, a racing heart or poor sleep, talk to a doctor: stimulant-like effects "
            "users describe could make these worse.",
            "Products with the same name can differ between sellers and batches.",
            "Dependence and withdrawal can happen with any colour.",
            "A fast heartbeat and agitation are among the most common problems reported to poison centres.",
        ],
        "body": """\
"White vein" is how sellers label kratom they market as energising. It is a trade label: no controlled study
has shown that white products act differently from, or are safer than, other colours.

A 2023 study found users' reports matched the usual colour marketing, while lab tests on the products showed
no significant difference in main alkaloid content between colours [@huisman-strains-2023].

Among kratom-only cases reported to US poison centres, agitation or irritability and a fast heartbeat were the
most common effects [@post-poison-centers-2019]. Those reports were not broken down by colour.

The reported effects below are what users say, labelled *anecdotal*. They are not established.
""",
        "effects": [
            {
                "effect": "Some users report feeling more alert or energetic",
                "evidence_level": "anecdotal",
                "source": None,
            },
            {"effect": "Some users report better focus", "evidence_level": "anecdotal", "source": None},
            {"effect": "Some users report restlessness or jitteriness", "evidence_level": "anecdotal", "source": None},
        ],
    },
]

RISKS = [
    {
        "slug": "unregulated-products",
        "title": "Unregulated products: unknown strength and contamination",
        "category": "regulation_quality",
        "severity": "high",
        "evidence_level": "low",
        "summary": (
            "Kratom is not an approved medicine, so no official check covers what a product contains. Salmonella "
            "and unsafe levels of heavy metals have been found in kratom products."
        ),
        "what_to_do": (
            "Treat labels, strain names and seller claims with caution. If a product makes you ill, stop using it, "
            "keep the packaging and tell your doctor. Report suspected contamination to your local health "
            "department. Ask a pharmacist before combining any product with medicines."
        ),
        "body": """\
The FDA has not approved kratom for any medical use [@fda-kratom], so there is no approved product with a
checked strength or purity.

Problems have been documented:

- A 2018 Salmonella outbreak linked to kratom made 199 people ill in 41 states; 38% were admitted to hospital
  [@salmonella-outbreak-news-2018].
- FDA testing of 26 products found lead and nickel above safe limits in some of them; the agency warned that
  long-term use could cause heavy metal poisoning in some people [@heavy-metals-news-2018].
- Seller websites scored poorly on the quality of their health information [@hill-vendor-websites-2023].

**Why "low" evidence:** these findings come from outbreak investigations and product testing, not from
systematic surveys of the whole market, so we cannot say how many products are affected.
""",
    },
    {
        "slug": "dependence-and-withdrawal",
        "title": "Dependence and withdrawal",
        "category": "dependence_withdrawal",
        "severity": "high",
        "evidence_level": "low",
        "summary": (
            "Regular kratom use can lead to dependence. Withdrawal can include aches, poor sleep, restlessness and "
            "low mood, which is especially hard for someone who is already depressed."
        ),
        "what_to_do": (
            "Notice needing more, cravings, or feeling unwell when you miss it. If you use kratom daily and want "
            "to stop, talk to a doctor first so they can help with withdrawal. Ask for support rather than "
            "trying to tough it out alone."
        ),
        "body": """\
Dependence has been found in different countries and settings:

- Among 293 regular users in Malaysia, more than half had severe dependence problems and 45% moderate.
  Withdrawal included muscle aches, trouble sleeping, watery eyes and nose, hot flushes, restlessness, tension,
  anger and sadness [@singh-dependence-2014].
- In a US online sample of 129 people who had used kratom, 29.5% met criteria for a current kratom use
  disorder: 14.0% mild, 7.0% moderate and 8.5% severe [@smith-kratom-use-disorder-2022].
- In a larger US survey, 2% met criteria for a moderate or severe kratom use disorder
  [@garcia-romeu-survey-2020].
- A systematic review found withdrawal often milder than with opioids, but very uncomfortable for some, making
  it hard to stop [@swogger-walsh-2018].

**Why "low" evidence:** these are surveys, not controlled studies. The figures vary a lot between samples, but
they consistently show that dependence happens. "Low" describes the kind of study, not the size of the risk.
""",
    },
    {
        "slug": "interactions-with-medicines",
        "title": "Interactions with medicines and other substances",
        "category": "interactions",
        "severity": "serious",
        "evidence_level": "very_low",
        "summary": (
            "Lab studies show kratom compounds can block enzymes that clear many medicines, and harms are more "
            "serious when kratom is mixed with other substances. Evidence about specific medicines is thin."
        ),
        "what_to_do": (
            "Tell your doctor and pharmacist about any kratom use, and ask before combining it with any medicine, "
            "including antidepressants. Avoid mixing kratom with alcohol or other drugs. Do not stop a prescribed "
            "medicine on your own."
        ),
        "body": """\
- **Lab evidence.** In tests on human liver and gut tissue, mitragynine blocked CYP3A and CYP2D6, two enzymes
  that break down many medicines. The researchers note that several deaths have involved kratom taken with
  other drugs, and interactions may help explain them [@tanna-cyp-inhibition-lab].
- **Poison-centre data.** Exposures involving kratom and other substances were more likely to lead to
  hospital admission and serious outcomes than kratom alone [@post-poison-centers-2019].
- **Deaths.** In CDC data, all but seven of 152 people who died of an overdose with kratom detected also
  tested positive for other substances [@cdc-mmwr-kratom-deaths-2019].

**Why "very low" evidence:** for particular medicines, including antidepressants, the evidence is mostly
laboratory work. That is a signal worth acting on, not a finding about what happens in people.
""",
    },
    {
        "slug": "no-trials-for-depression",
        "title": "No controlled trials for depression",
        "category": "evidence_gaps",
        "severity": "moderate",
        "evidence_level": "none_found",
        "summary": (
            "We found no controlled trial of kratom as a treatment for depression. What exists are surveys and "
            "observational studies, which cannot show whether kratom helps, harms or does neither."
        ),
        "what_to_do": (
            "If you are depressed, start with treatments that have been tested, such as antidepressants and "
            "talking therapies. A family doctor can help. If you use kratom, tell them, so they can plan safe "
            "care with you."
        ),
        "body": """\
Surveys show many users say kratom helps their mood [@garcia-romeu-survey-2020], and a systematic review
found many users describe better mood and less anxiety [@swogger-walsh-2018]. A 2024 meta-analysis of
associations in 36 studies found no clear link with depression or anxiety in either direction
[@yang-mental-health-meta-2024].

None of these studies compared kratom with a placebo or an established treatment. Until that happens, nobody
knows whether kratom treats depression, for whom, or what the long-term effects are. By contrast, many
antidepressants have been tested in randomised trials [@cipriani-antidepressants-2018].
""",
    },
    {
        "slug": "individual-variation",
        "title": "Effects vary from person to person",
        "category": "individual_variation",
        "severity": "moderate",
        "evidence_level": "low",
        "summary": (
            "People report very different experiences with kratom, and products vary too. What one person "
            "describes is a poor guide to what another will feel, or to what is safe for them."
        ),
        "what_to_do": (
            "Do not rely on other people's experiences or strain names to predict your own. Talk to a doctor or "
            "pharmacist about your health and medicines. If something feels wrong, stop and get advice."
        ),
        "body": """\
In surveys, users report a wide range of effects, from feeling better to side effects such as nausea and
constipation [@grundmann-survey-2017]. About one third of respondents in another survey reported side effects
[@garcia-romeu-survey-2020].

Some of the variation may come from expectation: in one study, users' reports matched how strains are
marketed, even though the products showed no significant difference in main alkaloid content
[@huisman-strains-2023]. Health, other medicines and product differences are also likely to matter, but have
not been studied well.

**Why "low" evidence:** this comes from surveys, which show that experiences differ but not why.
""",
    },
    {
        "slug": "side-effects-and-liver-injury",
        "title": "Side effects, including liver injury",
        "category": "side_effects",
        "severity": "high",
        "evidence_level": "low",
        "summary": (
            "Reported side effects range from nausea and constipation to agitation, a fast heartbeat and, in some "
            "cases, liver injury. Serious outcomes are more common when kratom is mixed with other substances."
        ),
        "what_to_do": (
            "Stop and see a doctor if you notice yellow skin or eyes, dark urine, itching or stomach pain. Call "
            "Poison Help (1-800-222-1222 in the US) if someone may have taken too much, and 911 if they are "
            "unconscious or struggling to breathe."
        ),
        "body": """\
- **Common complaints.** In a large user survey, reported problems were mainly in the gut, such as nausea and
  constipation [@grundmann-survey-2017].
- **Poison-centre reports.** Among kratom-only exposures, the most common effects were agitation or
  irritability (22.9%) and a fast heartbeat (21.4%). Eleven deaths were recorded from 2011 to 2017, two after
  kratom alone [@post-poison-centers-2019].
- **Liver injury.** A review of published cases concluded that kratom likely causes liver injury in some
  people, based on low-quality human evidence [@schimmel-dart-liver-2020]. A LiverTox reference case describes
  a young man who used kratom for depression, with other substances, and developed jaundice
  [@livertox-kratom-case-8332].

**Why "low" evidence:** surveys and poison-centre data show that these harms happen, but not how often.
Urgent help: [Poison Help](/get-help/) or emergency services [@hrsa-poison-help].
""",
    },
    {
        "slug": "legal-status-varies",
        "title": "Legal status varies and can change",
        "category": "legal_status",
        "severity": "low",
        "evidence_level": "low",
        "summary": (
            "Kratom's legal status differs between countries and local areas, and it has changed over time. "
            "Legal does not mean approved: the FDA has not approved kratom for any use."
        ),
        "what_to_do": (
            "Check the current law where you live and where you travel. Do not assume a product is safe or "
            "approved because it is on sale. This is not legal advice."
        ),
        "body": """\
As of April 2019, kratom was not a federally controlled substance in the US, though the DEA lists it as a drug
of concern [@cdc-mmwr-kratom-deaths-2019]. In 2016 the DEA announced plans to place kratom's active compounds
in Schedule I, then withdrew the notice to invite public comment and asked the FDA to speed up its review
[@crs-dea-scheduling-2016]. The FDA has not approved kratom for any medical use [@fda-kratom].

**Why "low" evidence:** this summary relies on official documents that can go out of date. Laws may have
changed since they were written.
""",
    },
]

PAGES = [
    {
        "slug": "about",
        "title": "About Kratom Info",
        "summary": (
            "Kratom Info gives careful, evidence-labelled information about kratom and depression. It does not "
            "sell anything, give dosing advice or replace a doctor. This is a demo with fictional contributors."
        ),
        "body": """\
## What this site is

Most pages about kratom and depression are written to sell kratom. Kratom Info is an attempt at the opposite:
plain, kind information that says what is known, what is only reported, and what the risks are. Every claim
links to a source you can check, and every page shows how strong the evidence is.

## What this site is not

- It is not medical advice and cannot replace a doctor, pharmacist or therapist who knows you.
- It does not recommend kratom for depression. Kratom is not an approved treatment for any condition.
- It never gives amounts to take.
- It does not sell kratom or link to sellers, and it takes no money from anyone who does.

## Demo status

This copy of the site contains **demo content**. The writer and medical reviewer shown on each page,
"Example Writer (demo)" and "Example Reviewer (demo)", are fictional profiles used to show how the site works.
The sources cited are real and were checked, but the pages have not been reviewed by a real clinician. A live
site must replace the demo profiles with real, named people before publishing.

## Getting help

If you are in crisis, please visit [Get help](/get-help/), or in the US call or text 988 at any time.
""",
    },
    {
        "slug": "editorial-policy",
        "title": "Editorial policy",
        "summary": (
            "How we write, source, label and review every page: named medical review, confirmed sources, honest "
            "evidence levels, clear corrections, and no advertising or money from kratom sellers."
        ),
        "body": """\
## How content is written

Pages are written in plain English for readers who may be tired, anxious or low. We aim to be calm, accurate
and kind, never to shame anyone, and never to encourage the use or purchase of kratom. We do not give dosing
advice, because no safe amount has been established.

## Medical review

Every page is checked by a named medical reviewer before it is published. The reviewer checks each claim
against its sources, the evidence labels, and the safety information. The page shows who reviewed it and when.
In this demo the reviewer is a fictional profile, "Example Reviewer (demo)".

## Sources

- We cite sources inline, next to the claim they support, and list them at the end of each page.
- We confirm that each source exists and says what we say it does. If we cannot confirm a detail, we leave it
  out rather than guess.
- We prefer systematic reviews, controlled trials, and reports from public health agencies. We use surveys
  and case reports, labelled as such.
- We do not cite sellers or advocacy groups as evidence that kratom works. When a study was recruited or
  funded through such a group, we say so.
- We only quote numbers that a source states, and we say whose numbers they are.

## Evidence levels and anecdote

Each claim about effects or risks carries an [evidence level](/evidence-levels/). What users say happened to
them is labelled *anecdotal* and is never presented as established, including the effects sellers attach to
strain colours.

## Corrections and updates

If you find a mistake, please tell us. We correct errors promptly, note significant corrections on the page,
and review pages when important new research appears.

## Independence

The site carries no advertising, affiliate links or sponsored content, and accepts no money, products or
favours from kratom sellers, manufacturers or advocacy groups. Contributors declare any conflicts of interest
on their profile pages.
""",
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "summary": (
            "Reading this site sets no cookies and needs no account. If you leave a reply, we keep your name, "
            "email (never shown), comment and a keyed hash of your IP address, not the address itself."
        ),
        "body": """\
## If you only read

Reading pages sets no cookies, needs no account, and does not track you. Pages are the same for everyone.

## If you leave a reply

Opening the reply form sets one small security cookie that protects the form against forged submissions. It
is not used to track you. When you send a reply, we store:

- the **name** you give, which is shown with your reply;
- your **email address**, which is never shown publicly and is used only if moderators need to contact you;
- your **comment**;
- a **keyed hash of your IP address**, not the address itself. The hash lets us limit spam and abuse without
  keeping the address.

## Moderation

Replies are read by moderators before they appear, and some are never published. If a reply suggests someone
may be in danger, we show crisis resources straight away.

## Asking for deletion

You can ask us to delete your reply and the data stored with it. In this demo there is no real inbox; a live
site must give a contact address here. Please include the page you replied on and the name and email you used,
so we can find it.
""",
    },
    {
        "slug": "evidence-levels",
        "title": "Evidence levels",
        "summary": (
            "Every claim about kratom's effects or risks on this site carries an evidence level, from high to "
            "none found. This page explains what each level means."
        ),
        "body": """\
Not all evidence is equally strong. A controlled trial tells us far more about cause and effect than a survey,
and a survey tells us more than a single story. So that you can judge for yourself, we label each claim about
kratom's effects or risks with one of the levels below.

What people say happened to them is labelled *anecdotal*, and we never present it as established.
""",
    },
]

# ---------------------------------------------------------------------------------------------------------------------
# How each source was confirmed (search tool, corpus, query -> address returned). Checked when this file was written.
# ---------------------------------------------------------------------------------------------------------------------
# fda-kratom: find_string "public-health-focus/fda-and-kratom" (code index) -> several independent repositories cite
#   "FDA and Kratom", https://www.fda.gov/news-events/public-health-focus/fda-and-kratom; the same URL is in the
#   reference list of Schimmel & Dart 2020 (pages: https://ouci.dntb.gov.ua/works/45m58LO4). The page text itself is
#   not stored, so we cite it only for "not approved for any medical use; FDA warns about risks", which news reports
#   of FDA statements corroborate (pages: https://www.myamericannurse.com/kratom-medical-use/,
#   https://uk.reuters.com/article/brief-statement-from-fda-commissioner-on/...-idUKFWN1NK16C). Year left empty.
# cdc-mmwr-kratom-deaths-2019: pages "Addressing the Growing Use of Kratom ... MMWR Olsen 2019" ->
#   https://www.cdc.gov/mmwr/volumes/68/wr/mm6814a2.htm?s_cid=mm6814a2_e (query string dropped); DOI from the
#   suggested citation quoted at https://icati.org/node/4067; figures from https://docslib.org/doc/6155107/...
# post-poison-centers-2019: pages "Mitragyna speciosa exposures reported to United States poison centers ... Post" ->
#   https://informahealthcare.com/doi/abs/10.1080/15563650.2019.1569236 and https://neomed.omeka.net/items/show/10838;
#   volume/pages from the reference list at https://ouci.dntb.gov.ua/works/45m58LO4. URL left empty; DOI link used.
# swogger-walsh-2018: pages "Swogger Walsh kratom use and mental health systematic review" ->
#   https://www.drugandalcoholdependence.com/article/S0376-8716(17)30558-6/fulltext
# yang-mental-health-meta-2024: pages "Yang Müller Singh 2024 ... European Addiction Research doi" ->
#   https://cris.fau.de/publications/324823914 (DOI), https://pesquisa.bvsalud.org/fiocruz/resource/pt/mdl-38889703
#   (volume/pages), https://karger.com/ear/article-abstract/30/4/252/909294/... PMID not shown as such; left empty.
# grundmann-survey-2017: pages "Grundmann patterns of kratom use ... online survey" ->
#   https://pubmed.ncbi.nlm.nih.gov/28521200/ (DOI, recruitment via American Kratom Association resources);
#   authorship confirmed by the author's own "(Grundmann, 2017)" at https://kratomscience.com/?p=5064
# garcia-romeu-survey-2020: pages "NIDA kratom drugfacts research" and "Garcia-Romeu 2020 ..." ->
#   https://pmc.ncbi.nlm.nih.gov/articles/PMC7423016 ; volume/article number from
#   https://lboro-test-vufind.koha-ptfs.co.uk/PrimoRecord/cdi_pubmedcentral_primary_oai_pubmedcentral_nih_gov_7423016
#   and year from https://pure.johnshopkins.edu/en/publications/kratom-mitragyna-speciosa-user-demographics-... DOI
#   and PMID not shown; left empty.
# singh-dependence-2014: pages "Singh Müller Vicknasingam kratom dependence withdrawal ... Malaysian" ->
#   http://mymedr.afpm.org.my/search?... (PMID 24698080, DOI) and
#   http://www.drugandalcoholdependence.com/article/S0376-8716(14)00793-5/fulltext (title); http only, so URL empty.
# smith-kratom-use-disorder-2022: pages (seen in several queries) -> https://pmc.ncbi.nlm.nih.gov/articles/PMC9402806
# schimmel-dart-liver-2020: pages "LiverTox kratom clinical and research information on drug-induced liver injury" ->
#   https://www.springermedicine.com/kratom-mitragyna-speciosa-liver-injury-a-comprehensive-review/24699770 and
#   https://ouci.dntb.gov.ua/works/45m58LO4 (DOI, volume/pages). It is a scoping review of case reports with a
#   systematic causality assessment; the Source model has no "narrative/scoping review" type.
# livertox-kratom-case-8332: same query -> https://livertox.niddk.nih.gov/Home/ReferenceCases/kratom/8332
# tanna-cyp-inhibition-lab: pages "kratom drug interactions cytochrome P450 inhibition mitragynine" ->
#   https://jpet.aspetjournals.org/content/376/1/64 (abstract; title from
#   https://discovery.researcher.life/article/refined-prediction-of-pharmacokinetic-kratomdrug-interactions-...).
#   Authors and year were not shown in stored text; left empty.
# huisman-strains-2023: pages "2023 study kratom product vein color labels ..." -> https://www.mdpi.com/1660-4601/20/14/6425
#   (authors from https://econpapers.repec.org/article/gamjijerp/v_3a20_3ay_3a2023_3ai_3a14_3ap_3a6425-_3ad_3a1199521.htm)
# hill-vendor-websites-2023: pages "Hill 2023 Evaluating health information provided to kratom consumers ..." ->
#   https://substanceabusepolicy.biomedcentral.com/articles/10.1186/s13011-023-00531-4 (authors from the
#   researchgate copy https://www.researchgate.net/publication/369945629_...)
# cipriani-antidepressants-2018: pages "Cipriani 2018 Lancet comparative efficacy acceptability 21 antidepressant" ->
#   https://www.scribd.com/document/378119265/... (Lancet 2018; 391: 1357-66, DOI),
#   https://boris-portal.unibe.ch/entities/publication/217394f6-109a-48d4-8779-5b0d8447b5e2/full (authors),
#   https://talks.ox.ac.uk./talks/id/55e02b72-bc61-4f99-933f-161dc18306cf (522 trials), and the "modest" wording in
#   the reprint at https://psychiatryonline.org/doi/10.1176/appi.focus.16407. URL left empty; DOI link used.
# cuijpers-psychotherapy-2017: pages "Cuijpers psychotherapy for depression meta-analysis" ->
#   https://slidelegend.com/four-decades-of-outcome-research-on-vu-research-portal_5a9191dd1723dde9dacaf828.html
#   (title, journal, DOI, abstract). The author line was not in the stored text, so authors are left empty.
# crs-dea-scheduling-2016: pages "DEA drug fact sheet kratom drug of concern" ->
#   https://legistorm.com/reports/view/crs/238310/DEA_Scheduling_Actions_on_Kratom.html
# heavy-metals-news-2018: pages "FDA laboratory analysis kratom products heavy metals lead nickel" ->
#   https://nutraingredients-usa.com/Article/2018/12/03/FDA-adds-heavy-metals-contamination-to-its-list-of-concerns-
#   about-kratom (title taken from the address; the stored excerpt has no headline; author not shown).
# salmonella-outbreak-news-2018: pages "CDC multistate outbreak Salmonella infections linked to kratom 2018" ->
#   https://pipedot.org/3QZ34 ; the CDC outbreak page itself is not stored. Figures agree with
#   https://foodpoisoningbulletin.com/2018/salmonella-outbreak-kratom-products-ends-199-sick
# samhsa-988: pages "samhsa.gov find-help 988 lifeline frequently asked questions" ->
#   https://www.samhsa.gov/find-help/988/faqs?utm_campaign+=&utm_medium=email&utm_source=govdelivery (tracking
#   parameters dropped).
# hrsa-poison-help: pages "Poison Help line 1-800-222-1222 HRSA poison control centers" ->
#   https://www.poisonhelp.hrsa.gov/the-poison-help-line/index.html
