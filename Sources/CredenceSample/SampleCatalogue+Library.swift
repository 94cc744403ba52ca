/// The catalogue entries the example policy library (`policies/`) reads: the codes, tags,
/// credit systems and providers its stacks, funds and equivalences name.
///
/// A committed table, not read from the policies: the store does not depend on the
/// language. Where a policy marks its codes illustrative, the codes here are too.
extension SampleCatalogue {
  static let library: [Entry] = [
    // MITx MicroMasters in Supply Chain Management (policies/stacking/mitx-micromasters).
    entry(
      "MITx-SC0x", "Supply Chain Analytics (verified)", "MITx", "course", nil, nil, 6, "logistics",
      120, 150_00, ["mitx-scm-course", "overseas-mooc"], currency: "USD"),
    entry(
      "MITx-SC1x", "Supply Chain Fundamentals (verified)", "MITx", "course", nil, nil, 6,
      "logistics", 120, 150_00, ["mitx-scm-course", "overseas-mooc"],
      currency: "USD"),
    entry(
      "MITx-SC2x", "Supply Chain Design (verified)", "MITx", "course", nil, nil, 6, "logistics",
      120, 150_00, ["mitx-scm-course", "overseas-mooc"], currency: "USD"),
    entry(
      "MITx-SC3x", "Supply Chain Dynamics (verified)", "MITx", "course", nil, nil, 6, "logistics",
      120, 150_00, ["mitx-scm-course", "overseas-mooc"], currency: "USD"),
    entry(
      "MITx-SC4x", "Supply Chain Technology and Systems (verified)", "MITx", "course", nil, nil, 6,
      "logistics", 120, 150_00, ["mitx-scm-course", "overseas-mooc"],
      currency: "USD"),
    entry(
      "MITx-SCM-CFx", "SCM Comprehensive Final Exam (proctored)", "MITx", "module", nil, nil, 6,
      "logistics", 4, 200_00, ["mitx-scm-exam"], currency: "USD"),
    // MITx MicroMasters in Principles of Manufacturing: 8 courses, 4 exams (codes illustrative).
    entry(
      "MITx-POM-1", "Manufacturing Process Control I", "MITx", "course", nil, nil, 6, "engineering",
      100, 150_00, ["mitx-pom-course"], currency: "USD"),
    entry(
      "MITx-POM-2", "Manufacturing Process Control II", "MITx", "course", nil, nil, 6,
      "engineering", 100, 150_00, ["mitx-pom-course"], currency: "USD"),
    entry(
      "MITx-POM-3", "Manufacturing Systems I", "MITx", "course", nil, nil, 6, "engineering", 100,
      150_00, ["mitx-pom-course"], currency: "USD"),
    entry(
      "MITx-POM-4", "Manufacturing Systems II", "MITx", "course", nil, nil, 6, "engineering", 100,
      150_00, ["mitx-pom-course"], currency: "USD"),
    entry(
      "MITx-POM-5", "Supply Chains for Manufacturing I", "MITx", "course", nil, nil, 6,
      "engineering", 100, 150_00, ["mitx-pom-course"], currency: "USD"),
    entry(
      "MITx-POM-6", "Supply Chains for Manufacturing II", "MITx", "course", nil, nil, 6,
      "engineering", 100, 150_00, ["mitx-pom-course"], currency: "USD"),
    entry(
      "MITx-POM-7", "Fundamentals of Manufacturing Processes", "MITx", "course", nil, nil, 6,
      "engineering", 100, 150_00, ["mitx-pom-course"], currency: "USD"),
    entry(
      "MITx-POM-8", "Product Design and Development", "MITx", "course", nil, nil, 6, "engineering",
      100, 150_00, ["mitx-pom-course"], currency: "USD"),
    entry(
      "MITx-POM-X1", "Process Control Exam", "MITx", "module", nil, nil, 6, "engineering", 3,
      200_00, ["mitx-pom-exam"], currency: "USD"),
    entry(
      "MITx-POM-X2", "Manufacturing Systems Exam", "MITx", "module", nil, nil, 6, "engineering", 3,
      200_00, ["mitx-pom-exam"], currency: "USD"),
    entry(
      "MITx-POM-X3", "Supply Chains Exam", "MITx", "module", nil, nil, 6, "engineering", 3, 200_00,
      ["mitx-pom-exam"], currency: "USD"),
    entry(
      "MITx-POM-X4", "Processes and Design Exam", "MITx", "module", nil, nil, 6, "engineering", 3,
      200_00, ["mitx-pom-exam"], currency: "USD"),
    // NTU MSc Applied Gerontology and its FlexiMaster: 3 AU courses.
    entry(
      "NTU-AG-C1", "Ageing and Society", "Nanyang Technological University", "module", "3",
      "NTU-AU", 7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-core", "ssg-funded"]),
    entry(
      "NTU-AG-C2", "Biology of Ageing", "Nanyang Technological University", "module", "3",
      "NTU-AU", 7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-core", "ssg-funded"]),
    entry(
      "NTU-AG-C3", "Psychology of Ageing", "Nanyang Technological University", "module", "3",
      "NTU-AU", 7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-core", "ssg-funded"]),
    entry(
      "NTU-AG-C4", "Research Methods in Gerontology", "Nanyang Technological University", "module",
      "3", "NTU-AU", 7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-core", "ssg-funded"]),
    entry(
      "NTU-AG-C5", "Gerontological Practice", "Nanyang Technological University", "module", "3",
      "NTU-AU", 7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-core"]),
    entry(
      "NTU-AG-C6", "Policy for an Ageing Population", "Nanyang Technological University",
      "module", "3", "NTU-AU", 7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-core"]),
    entry(
      "NTU-AG-E1", "Dementia Care", "Nanyang Technological University", "module", "3", "NTU-AU", 7,
      "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-elective"]),
    entry(
      "NTU-AG-E2", "Active Ageing Programmes", "Nanyang Technological University", "module", "3",
      "NTU-AU", 7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-elective"]),
    entry(
      "NTU-AG-E3", "Ageing in Place", "Nanyang Technological University", "module", "3", "NTU-AU",
      7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-elective"]),
    entry(
      "NTU-AG-E4", "End-of-Life Care", "Nanyang Technological University", "module", "3", "NTU-AU",
      7, "healthcare", 130, 2_400_00, ["ntu-msag", "ntu-msag-elective"]),
    // NUS Executive Certificate: micro-credit courses of 2 or 3 Credit Units.
    entry(
      "NUS-EE-DIGI", "Digital Transformation for Leaders", "NUS Business School",
      "micro-credential", "2", "NUS-CU", 7, "business-management", 24, 3_800_00,
      ["nus-micro-credit", "sf-credit-claimable"]),
    entry(
      "NUS-EE-STRAT", "Strategy Execution", "NUS Business School", "micro-credential", "3",
      "NUS-CU", 7, "business-management", 36, 5_200_00, ["nus-micro-credit", "sf-credit-claimable"]),
    entry(
      "NUS-EE-LEAD", "Leading Teams", "NUS Business School", "micro-credential", "2", "NUS-CU", 7,
      "business-management", 24, 3_800_00, ["nus-micro-credit", "sf-credit-claimable"]),
    entry(
      "NUS-EE-FIN", "Finance for Executives", "NUS Business School", "micro-credential", "3",
      "NUS-CU", 7, "finance", 36, 5_200_00, ["nus-micro-credit", "sf-credit-claimable"]),
    // NTU PACE Graduate and Specialist Certificates (codes illustrative).
    entry(
      "PACE-DA1", "Data Analytics Foundations", "NTU PACE", "course", "4", "SG-MC", 6,
      "data-analytics", 39, 3_500_00, ["ssg-funded", "ssg-certifiable", "sf-credit-claimable"]),
    entry(
      "PACE-DA2", "Machine Learning for Business", "NTU PACE", "course", "4", "SG-MC", 6,
      "data-analytics", 39, 3_500_00, ["ssg-funded", "ssg-certifiable", "sf-credit-claimable"]),
    entry(
      "PACE-DA3", "Data Visualisation", "NTU PACE", "course", "4", "SG-MC", 6, "data-analytics", 39,
      3_500_00, ["ssg-funded", "ssg-certifiable", "sf-credit-claimable"]),
    entry(
      "PACE-CX1", "Customer Experience Design", "NTU PACE", "course", "3", "SG-MC", 5, "design",
      30, 2_100_00, ["ssg-funded", "ssg-certifiable", "sf-credit-claimable"]),
    entry(
      "PACE-CX2", "Service Analytics", "NTU PACE", "course", "3", "SG-MC", 5, "design", 30,
      2_100_00, ["ssg-funded", "ssg-certifiable", "sf-credit-claimable"]),
    // SUTD ModularMaster: subject credits, SUTD's own and a partner's.
    entry(
      "SUTD-MM-1", "Design Thinking and Innovation", "SUTD", "module", "12", "SUTD-SC", 7, "design",
      90, 4_000_00, ["sutd-modularmaster"]),
    entry(
      "SUTD-MM-2", "Systems Engineering", "SUTD", "module", "12", "SUTD-SC", 7, "engineering", 90,
      4_000_00, ["sutd-modularmaster"]),
    entry(
      "SUTD-MM-3", "Urban Data Science", "SUTD", "module", "12", "SUTD-SC", 7, "data-analytics", 90,
      4_000_00, ["sutd-modularmaster"]),
    entry(
      "SUTD-MM-4", "Sustainable Product Design", "SUTD", "module", "12", "SUTD-SC", 7,
      "sustainability", 90, 4_000_00, ["sutd-modularmaster"]),
    entry(
      "SUTD-MM-5", "Digital Manufacturing", "SUTD", "module", "12", "SUTD-SC", 7, "engineering", 90,
      4_000_00, ["sutd-modularmaster"]),
    entry(
      "SUTD-MM-6", "Capstone Project", "SUTD", "module", "12", "SUTD-SC", 7, "engineering", 90,
      4_000_00, ["sutd-modularmaster"]),
    entry(
      "SUTD-PT-1", "Partner Course in Robotics", "Partner Institute", "module", "12", "SUTD-SC", 7,
      "engineering", 90, 3_000_00, ["sutd-modularmaster"]),
    // American College of Education: its own micro-credentials and credit recommendations.
    entry(
      "ACE-MC-1", "Instructional Design Micro-credential", "American College of Education",
      "micro-credential", "3", "US-SH", 6, "education", 120, 900_00, [], currency: "USD"),
    entry(
      "ACE-MC-2", "Online Teaching Micro-credential", "American College of Education",
      "micro-credential", "3", "US-SH", 6, "education", 120, 900_00, [], currency: "USD"),
    entry(
      "ACE-REC-SEC", "CompTIA Security+ (ACE credit recommendation)", "CompTIA", "certificate", "3",
      "US-SH", 5, "cybersecurity", 90, 404_00, ["ace:recommended"], currency: "USD"),
    entry(
      "CLEP-ALG", "CLEP College Algebra", "College Board", "module", "3", "US-SH", 5, "education",
      nil, 93_00, ["exam:clep"], currency: "USD"),
    entry(
      "NCCRS-PM", "Project Management Essentials (NCCRS)", "Sophia Learning", "course", "4.5",
      "US-QH", 5, "business-management", 60, 99_00, ["nccrs:recommended"], currency: "USD"),
    // EU micro-credentials: complete ones state every mandatory element of 2022/C 243/02.
    entry(
      "EU-MC-DATA", "Data Literacy for Public Services", "Universiteit Leiden", "micro-credential",
      "5", "ECTS", 6, "data-analytics", 140, 950_00, Self.euComplete, currency: "EUR"),
    entry(
      "EU-MC-GREEN", "Green Transition Skills", "KU Leuven", "micro-credential", "3", "ECTS", 5,
      "sustainability", 84, 600_00, Self.euComplete, currency: "EUR"),
    entry(
      "EU-MC-AI", "Applied Artificial Intelligence", "Aalto University", "micro-credential", "6",
      "ECTS", 7, "software-engineering", 160, 1_200_00, Self.euComplete, currency: "EUR"),
    entry(
      "EU-MC-CYBER", "Cyber Hygiene for SMEs", "TU Delft", "micro-credential", "4", "ECTS", 6,
      "cybersecurity", 110, 800_00,
      ["eu:assessment-type", "eu:issuer-country", "eu:learning-outcomes", "eu:participation-form"],
      currency: "EUR"),
    entry(
      "EU-MC-DESIGN", "Circular Design", "Politecnico di Milano", "micro-credential", "4", "ECTS",
      nil, "design", 110, 800_00, Self.euComplete, currency: "EUR"),
    // NTU NIE: Graduate Certificate / FlexiMasters courses, and the master's own courses.
    entry(
      "NIE-GC-1", "Assessment for Learning", "NTU National Institute of Education", "module", "4",
      "NTU-AU", 7, "education", 130, 2_800_00, ["nie-stackable"]),
    entry(
      "NIE-GC-2", "Curriculum Design", "NTU National Institute of Education", "module", "4",
      "NTU-AU", 7, "education", 130, 2_800_00, ["nie-stackable"]),
    entry(
      "NIE-GC-3", "Learning Sciences", "NTU National Institute of Education", "module", "4",
      "NTU-AU", 7, "education", 130, 2_800_00, ["nie-stackable"]),
    entry(
      "NIE-GC-4", "Educational Technology", "NTU National Institute of Education", "module", "4",
      "NTU-AU", 7, "education", 130, 2_800_00, ["nie-stackable"]),
    entry(
      "NIE-MA-1", "Research in Education", "NTU National Institute of Education", "module", "2",
      "NTU-AU", 7, "education", 65, 1_400_00, ["nie-masters"]),
    entry(
      "NIE-MA-2", "Leadership in Schools", "NTU National Institute of Education", "module", "2",
      "NTU-AU", 7, "education", 65, 1_400_00, ["nie-masters"]),
    entry(
      "NIE-MA-3", "Inclusive Education", "NTU National Institute of Education", "module", "2",
      "NTU-AU", 7, "education", 65, 1_400_00, ["nie-masters"]),
    entry(
      "NIE-MA-4", "Pedagogy and Practice", "NTU National Institute of Education", "module", "2",
      "NTU-AU", 7, "education", 65, 1_400_00, ["nie-masters"]),
    entry(
      "NIE-MA-5", "Educational Measurement", "NTU National Institute of Education", "module", "2",
      "NTU-AU", 7, "education", 65, 1_400_00, ["nie-masters"]),
    entry(
      "NIE-MA-6", "Learning Analytics", "NTU National Institute of Education", "module", "2",
      "NTU-AU", 7, "education", 65, 1_400_00, ["nie-masters"]),
    entry(
      "NIE-MA-7", "Dissertation Seminar", "NTU National Institute of Education", "module", "2",
      "NTU-AU", 7, "education", 65, 1_400_00, ["nie-masters"]),
    entry(
      "NIE-EL-1", "Elective: Education Policy", "NTU National Institute of Education", "module",
      "2", "NTU-AU", 7, "education", 65, 1_400_00, ["nie-elective", "nie-masters"]),
    // Rutgers: an external pass/fail course certified as B or better.
    entry(
      "EXT-PF-501", "Graduate Seminar (pass/fail, certified B or better)", "Columbia University",
      "course", "3", "US-SH", 7, "education", 135, nil, ["rutgers:certified-b"]),
    // SUSS: polytechnic diplomas, the UniLearn bundle (codes illustrative), Challenge Exams.
    entry(
      "SP-DIP-IT", "Diploma in Information Technology", "Singapore Polytechnic", "diploma", nil,
      nil, 4, "software-engineering", 2_700, nil, ["sg-polytechnic"]),
    entry(
      "NP-DIP-BUS", "Diploma in Business Studies", "Ngee Ann Polytechnic", "diploma", nil, nil, 4,
      "business-management", 2_700, nil, ["sg-polytechnic"]),
    entry(
      "TP-DIP-DES", "Diploma in Design for User Experience", "Temasek Polytechnic", "diploma", nil,
      nil, 4, "design", 2_700, nil, ["sg-polytechnic"]),
    entry(
      "UL-101", "UniLearn: Communication", "Singapore University of Social Sciences", "module", "1",
      "SUSS-CU", 5, "education", 20, 180_00, ["suss-unilearn"]),
    entry(
      "UL-102", "UniLearn: Critical Thinking", "Singapore University of Social Sciences", "module",
      "1", "SUSS-CU", 5, "education", 20, 180_00, ["suss-unilearn"]),
    entry(
      "UL-103", "UniLearn: Digital Literacy", "Singapore University of Social Sciences", "module",
      "1", "SUSS-CU", 5, "education", 20, 180_00, ["suss-unilearn"]),
    entry(
      "UL-104", "UniLearn: Numeracy", "Singapore University of Social Sciences", "module", "1",
      "SUSS-CU", 5, "education", 20, 180_00, ["suss-unilearn"]),
    entry(
      "UL-105", "UniLearn: Ethics", "Singapore University of Social Sciences", "module", "1",
      "SUSS-CU", 5, "education", 20, 180_00, ["suss-unilearn"]),
    entry(
      "SUSS-CE-1", "Challenge Exam: Economics", "Singapore University of Social Sciences",
      "module", "5", "SUSS-CU", 6, "finance", nil, 300_00, ["suss-challenge-exam"]),
    entry(
      "SUSS-CE-2", "Challenge Exam: Statistics", "Singapore University of Social Sciences",
      "module", "5", "SUSS-CU", 6, "data-analytics", nil, 300_00, ["suss-challenge-exam"]),
    // Funding: WSQ courses for Workfare Skills Support, SkillsFuture Level-Up programmes,
    // ETSS in-house training, a 2020 career-transition programme, Irish HCI micro-credentials.
    entry(
      "WSQ-FQ-LOG", "WSQ Higher Certificate in Logistics", "ITE College Central", "certificate",
      nil, nil, 4, "logistics", 300, 3_000_00,
      [
        "cet-centre", "sf-credit-claimable", "ssg-funded", "wss-eligible",
        "wsq-full-qualification",
      ]),
    entry(
      "WSQ-SOA-FS", "WSQ Food Safety Course (Statement of Attainment)", "ITE College Central",
      "module", nil, nil, 2, "healthcare", 16, 400_00,
      ["cet-centre", "sf-credit-claimable", "ssg-funded", "wss-eligible", "wsq-soa"]),
    entry(
      "WSQ-SOA-WH", "WSQ Warehouse Operations (Statement of Attainment)", "ITE College Central",
      "module", nil, nil, 2, "logistics", 24, 520_00,
      ["cet-centre", "sf-credit-claimable", "ssg-funded", "wss-eligible", "wsq-soa"]),
    entry(
      "WSQ-SOA-DL", "WSQ Digital Literacy (Statement of Attainment)", "Republic Polytechnic",
      "module", nil, nil, 2, "education", 18, 380_00,
      ["sf-credit-claimable", "ssg-certifiable", "ssg-funded", "wss-eligible", "wsq-soa"]),
    entry(
      "WSQ-SOA-CS", "WSQ Customer Service (Statement of Attainment)", "Republic Polytechnic",
      "module", nil, nil, 2, "business-management", 16, 350_00,
      ["sf-credit-claimable", "ssg-certifiable", "ssg-funded", "wss-eligible", "wsq-soa"]),
    entry(
      "SCTP-DATA", "SCTP Associate Data Analyst (full-time)", "NTU PACE", "certificate", nil, nil,
      5, "data-analytics", 600, 19_000_00,
      [
        "cet-centre", "sf-credit-claimable", "sfc-mid-career", "sflp-full-time", "ssg-funded",
        "wss-level-up-full-time",
      ]),
    entry(
      "SCTP-SWE-PT", "SCTP Software Engineering (part-time)", "Singapore Polytechnic",
      "certificate",
      nil, nil, 5, "software-engineering", 480, 12_000_00,
      [
        "cet-centre", "sf-credit-claimable", "sfc-mid-career", "sflp-part-time", "ssg-funded",
        "wss-level-up-part-time",
      ]),
    entry(
      "NP-DIP-PT-LOG", "Part-time Diploma in Supply Chain Management", "Ngee Ann Polytechnic",
      "diploma", "60", "ECTS", 5, "logistics", 1_200, 8_400_00,
      [
        "pmet", "sf-credit-claimable", "sfc-mid-career", "sflp-part-time", "ssg-certifiable",
        "ssg-funded",
      ]),
    entry(
      "ETSS-IH-SAFE", "In-house Workplace Safety (certifiable)", "Temasek Polytechnic", "course",
      nil, nil, 3, "engineering", 21, 1_050_00, ["in-house", "ssg-certifiable", "ssg-funded"]),
    entry(
      "ETSS-PMET-PM", "Project Management for Executives", "Singapore Management University",
      "course", nil, nil, 6, "business-management", 35, 2_800_00,
      ["pmet", "sf-credit-claimable", "ssg-certifiable", "ssg-funded"]),
    entry(
      "CTP-2020-LOG", "Career Transition Programme: Logistics (2020)", "ITE College Central",
      "certificate", nil, nil, 4, "logistics", 200, 2_500_00,
      ["cet-centre", "sf-credit-claimable", "sfc-mcs-2020", "ssg-funded"]),
    entry(
      "IRL-MC-CYBER", "Cybersecurity Operations (HCI Pillar 3)", "University College Dublin",
      "micro-credential", "10", "ECTS", 8, "cybersecurity", 250, 1_500_00,
      Self.euComplete + ["hci-priority", "irl-hci-pillar3"], currency: "EUR"),
    entry(
      "IRL-MC-MGMT", "People Management (HCI Pillar 3)", "University of Galway", "micro-credential",
      "5", "ECTS", 7, "business-management", 125, 1_200_00,
      Self.euComplete + ["irl-hci-pillar3"], currency: "EUR"),
  ]

  /// The tags that state the catalogue-side mandatory elements of an EU micro-credential.
  static let euComplete = [
    "eu:assessment-type", "eu:issuer-country", "eu:learning-outcomes", "eu:participation-form",
    "eu:quality-assurance",
  ]

  /// Tags the policy library reads, added to entries that existed before it: the older tag
  /// stays (other policies and tools may read it).
  static func libraryTags(_ entry: Entry, _ random: inout SampleRandom) -> [String] {
    var tags = entry.tags
    // SkillsFuture Credit pays fees in SGD: a course priced in another currency is not
    // claimable (the policy's fee arithmetic would mix currencies).
    if entry.currency != nil && entry.currency != "SGD" {
      tags.removeAll { $0 == "sf-credit-claimable" }
    }
    if tags.contains("mid-career-list") { tags.append("sfc-mid-career") }
    if tags.contains("ace-recommended") { tags.append("ace:recommended") }
    if tags.contains("ssg-funded") {
      // SSG's baseline applies to CET-Centre courses or certifiable ones.
      switch random.below(10) {
      case 0..<4: tags.append("cet-centre")
      case 4..<8: tags.append("ssg-certifiable")
      default: break
      }
      if random.chance(40) { tags.append("pmet") }
    }
    if entry.type == "diploma" && entry.provider.hasSuffix("Polytechnic") {
      tags.append("sg-polytechnic")
    }
    return tags.sorted()
  }
}
