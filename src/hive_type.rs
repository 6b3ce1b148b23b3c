//! Glue (Hive) column types, parsed in full: `array<strin>` or `decimal(40,2)` would be
//! accepted by Terraform and fail only when Athena reads the table.

/// Checks a column type; the error says what is wrong where.
pub fn parse(text: &str) -> Result<(), String> {
    // Glue stores the text as written: ` string` would reach it with its space.
    if text.trim() != text {
        return Err("it has leading or trailing whitespace".to_string());
    }
    let mut p = Parser { s: text, at: 0 };
    p.ty()?;
    p.space();
    if p.at != p.s.len() {
        return Err(format!("unexpected `{}` after the type", &p.s[p.at..]));
    }
    Ok(())
}

const PRIMITIVES: [&str; 13] = [
    "string",
    "int",
    "integer",
    "bigint",
    "smallint",
    "tinyint",
    "double",
    "float",
    "boolean",
    "date",
    "timestamp",
    "binary",
    "decimal",
];

struct Parser<'a> {
    s: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.s[self.at..].starts_with(' ') {
            self.at += 1;
        }
    }

    fn word(&mut self) -> &str {
        self.space();
        let start = self.at;
        while self.s[self.at..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.at += 1;
        }
        &self.s[start..self.at]
    }

    fn expect(&mut self, c: char, after: &str) -> Result<(), String> {
        self.space();
        if self.s[self.at..].starts_with(c) {
            self.at += 1;
            Ok(())
        } else {
            let rest = &self.s[self.at..];
            Err(if rest.is_empty() {
                format!("`{c}` expected after {after}, but the type ends")
            } else {
                format!("`{c}` expected after {after}, found `{rest}`")
            })
        }
    }

    fn number(&mut self, what: &str) -> Result<u32, String> {
        let w = self.word().to_string();
        w.parse()
            .map_err(|_| format!("{what} must be a number, found `{w}`"))
    }

    fn ty(&mut self) -> Result<(), String> {
        let name = self.word().to_ascii_lowercase();
        match name.as_str() {
            "array" => {
                self.expect('<', "`array`")?;
                self.ty()?;
                self.expect('>', "the element type of `array<…>`")
            }
            "map" => {
                self.expect('<', "`map`")?;
                self.ty()?;
                self.expect(',', "the key type of `map<…>`")?;
                self.ty()?;
                self.expect('>', "the value type of `map<…>`")
            }
            "struct" => {
                self.expect('<', "`struct`")?;
                loop {
                    let field = self.word().to_string();
                    if field.is_empty() {
                        return Err("a field name expected in `struct<…>`".to_string());
                    }
                    self.expect(':', &format!("field `{field}`"))?;
                    self.ty()?;
                    self.space();
                    if self.s[self.at..].starts_with(',') {
                        self.at += 1;
                        continue;
                    }
                    return self.expect('>', "the fields of `struct<…>`");
                }
            }
            "decimal" => {
                self.space();
                if !self.s[self.at..].starts_with('(') {
                    return Ok(());
                }
                self.at += 1;
                let precision = self.number("decimal precision")?;
                self.expect(',', "the precision of `decimal(p,s)`")?;
                let scale = self.number("decimal scale")?;
                self.expect(')', "the scale of `decimal(p,s)`")?;
                if !(1..=38).contains(&precision) || scale > precision {
                    return Err(format!(
                        "`decimal({precision},{scale})`: precision is 1 to 38 and scale at most \
                         the precision"
                    ));
                }
                Ok(())
            }
            "varchar" | "char" => {
                self.expect('(', &format!("`{name}`"))?;
                let n = self.number("the length")?;
                self.expect(')', "the length")?;
                let max = if name == "char" { 255 } else { 65535 };
                if n == 0 || n > max {
                    return Err(format!("`{name}({n})`: the length is 1 to {max}"));
                }
                Ok(())
            }
            p if PRIMITIVES.contains(&p) => Ok(()),
            "" => Err(match self.s[self.at..].chars().next() {
                Some(c) => format!("a type expected, found `{c}`"),
                None => "a type expected, but the type ends".to_string(),
            }),
            other => {
                let close = PRIMITIVES
                    .iter()
                    .chain(["array", "map", "struct", "varchar", "char"].iter())
                    .find(|p| strsim::levenshtein(p, other) <= 2);
                Err(match close {
                    Some(p) => format!("`{other}` is not a type; did you mean `{p}`?"),
                    None => format!("`{other}` is not a type"),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn types() {
        for ok in [
            "string",
            "decimal(10,2)",
            "decimal",
            "array<string>",
            "map<string,array<int>>",
            "struct<a:int, b:struct<c:string>>",
            "varchar(20)",
            "BIGINT",
        ] {
            assert_eq!(parse(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            parse("array<strin>").unwrap_err(),
            "`strin` is not a type; did you mean `string`?"
        );
        assert_eq!(
            parse("array<string").unwrap_err(),
            "`>` expected after the element type of `array<…>`, but the type ends"
        );
        assert!(
            parse("decimal(40,2)")
                .unwrap_err()
                .contains("precision is 1 to 38")
        );
        assert!(parse("map<string>").unwrap_err().contains("`,` expected"));
        assert!(
            parse("struct<a int>")
                .unwrap_err()
                .contains("`:` expected after field `a`")
        );
        assert!(parse("string extra").unwrap_err().contains("unexpected"));
    }
}
