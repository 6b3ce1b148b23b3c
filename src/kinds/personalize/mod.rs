//! `personalize`: an Amazon Personalize dataset group for a site's interactions: its
//! interactions schema and dataset, an event tracker the spec's functions send events
//! through, and optionally a solution (the recipe) and the campaign recommendations come from.
//!
//! The AWS provider has no Personalize resources; CloudFormation has the dataset group, the
//! schema, the dataset and the solution, so the render is one CloudFormation stack. Neither
//! has an event tracker: a small function inside the stack creates and deletes it (a custom
//! resource), with a role pipelinec derives like any other.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::kinds::fields::Input;

/// Interaction fields Personalize requires, which pipelinec always declares.
pub const REQUIRED_FIELDS: [&str; 3] = ["USER_ID", "ITEM_ID", "TIMESTAMP"];

/// An Amazon Personalize dataset group fed with interaction events by functions, with an
/// optional solution and campaign that functions ask for recommendations.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Personalize {
    /// Functions (`lambda`s) that send interaction events: each gets the event tracker's id
    /// (`<ID>_TRACKING_ID`) and `personalize:PutEvents`. A function that asks for
    /// recommendations lists this component in its own `inputs` instead.
    #[serde(default)]
    pub inputs: Vec<Input>,
    /// Interaction fields besides `USER_ID`, `ITEM_ID` (strings) and `TIMESTAMP` (a long,
    /// seconds since the epoch), which are always there. `EVENT_TYPE` lets a recipe weigh
    /// clicks against purchases.
    #[serde(default)]
    #[schemars(length(max = 20))]
    pub fields: Vec<Field>,
    /// Create the event tracker functions send events through. Default on; a dataset group
    /// fed only by bulk imports needs none.
    #[serde(default = "yes")]
    pub event_tracker: bool,
    /// The recipe a solution trains with. Default `user_personalization_v2`.
    #[serde(default)]
    pub recipe: Recipe,
    /// Create the solution (its recipe and dataset group). Training it (a solution version)
    /// needs data and is started by you once there is some. Default off.
    #[serde(default)]
    pub solution: bool,
    /// Functions may ask for recommendations from the campaign `<name>-<id>`, which you create
    /// from a trained solution version (`aws personalize create-campaign`; the render prints
    /// the command). Needs `solution`. Default off.
    #[serde(default)]
    pub campaign: bool,
}

/// One interaction field of the schema (Avro, as Personalize requires).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The field's name, as events send it (`EVENT_TYPE`, `SESSION_ID`): letters, digits
    /// and `_`, starting with a letter or `_`.
    #[schemars(regex(pattern = r"^[A-Za-z_][A-Za-z0-9_]{0,149}$"))]
    pub name: String,
    /// Its Avro type: `string`, `int`, `long`, `float`, `double` or `boolean`.
    #[serde(rename = "type")]
    pub ty: FieldType,
    /// A string field whose values are categories (`EVENT_TYPE`), which recipes use as
    /// features. Only for `string`. Default off.
    #[serde(default)]
    pub categorical: bool,
    /// Events may leave it out (the Avro type becomes a union with `null`). Default off.
    #[serde(default)]
    pub optional: bool,
}

/// The Avro types Personalize accepts in an interactions schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    String,
    Int,
    Long,
    Float,
    Double,
    Boolean,
}

impl FieldType {
    pub fn avro(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Int => "int",
            FieldType::Long => "long",
            FieldType::Float => "float",
            FieldType::Double => "double",
            FieldType::Boolean => "boolean",
        }
    }
}

/// The recipes a solution can train with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Recipe {
    /// Personalised item recommendations for a user (`aws-user-personalization-v2`).
    #[default]
    UserPersonalizationV2,
    /// The earlier version (`aws-user-personalization`), which also explores new items.
    UserPersonalization,
    /// Items similar to an item (`aws-similar-items`).
    SimilarItems,
    /// The most popular items (`aws-popularity-count`), a baseline.
    PopularityCount,
}

impl Recipe {
    /// The recipe's name in its ARN (`arn:aws:personalize:::recipe/<name>`).
    pub fn arn_name(self) -> &'static str {
        match self {
            Recipe::UserPersonalizationV2 => "aws-user-personalization-v2",
            Recipe::UserPersonalization => "aws-user-personalization",
            Recipe::SimilarItems => "aws-similar-items",
            Recipe::PopularityCount => "aws-popularity-count",
        }
    }
}

/// The event tracker's function and its log group: `<name>-<id>-tracker`.
pub fn tracker_function(base: &str) -> String {
    format!("{base}-tracker")
}

fn yes() -> bool {
    true
}

mod check;
mod iam;
mod render;
mod template;
