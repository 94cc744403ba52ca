/// Names and citizenships for sample learners, in Singapore's mix.
enum SampleNames {
  static let given = [
    "Wei Ling", "Jun Jie", "Siti", "Muhammad", "Priya", "Arjun", "Mei Hua", "Zhi Hao", "Nur Aisyah",
    "Ravi", "Hui Min", "Kai Wen", "Farah", "Daniel", "Rachel", "Aloysius", "Lakshmi", "Ahmad",
    "Xin Yi", "Ethan", "Chloe", "Haziq", "Divya", "Shu Fen", "Marcus", "Aditi", "Yusof", "Li Na",
    "Benjamin", "Kavitha",
  ]

  static let family = [
    "Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Koh", "Teo", "Ang", "Yeo", "Abdullah",
    "Ismail", "Rahman", "Kumar", "Nair", "Pillai", "Singh", "Menon", "Fernandez", "Chen", "Liu",
    "Huang", "Sim", "Low", "Chong", "Hassan", "Das", "Rajan",
  ]

  /// Citizenship codes by weight; the empty code stands for unknown (NULL).
  static let citizenships: [(String, Int)] = [
    ("SG", 650), ("MY", 80), ("CN", 60), ("IN", 60), ("PH", 40), ("ID", 30), ("GB", 20),
    ("US", 20), ("AU", 10), ("VN", 10), ("KR", 10), ("IE", 10), ("", 10),
  ]

  /// The citizenships above of the EU, the EEA, the UK or Switzerland.
  static let eeaCitizenships: Set<String> = ["GB", "IE"]
}
