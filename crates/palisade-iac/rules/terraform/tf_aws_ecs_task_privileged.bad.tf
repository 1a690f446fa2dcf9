resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([{
    name       = "app"
    image      = "app:1"
    privileged = true # expect: tf-aws-ecs-task-privileged
  }])
}
