package com.example.rules;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.SimpleBindings;
import javax.servlet.http.HttpServletRequest;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RuleController {
    private final ExpressionParser parser = new SpelExpressionParser();
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");

    @GetMapping("/rules/eval")
    public Object eval(@RequestParam("expr") String expr) {
        // ruleid: java-tainted-code-eval
        Expression exp = parser.parseExpression(expr);
        return exp.getValue(new StandardEvaluationContext());
    }

    @GetMapping("/rules/fixed")
    public Object fixed(@RequestParam("price") String price) {
        StandardEvaluationContext ctx = new StandardEvaluationContext();
        ctx.setVariable("price", price);
        // ok: java-tainted-code-eval
        Expression exp = parser.parseExpression("#price * 2");
        return exp.getValue(ctx);
    }

    public Object script(HttpServletRequest request) throws Exception {
        String formula = request.getParameter("formula");
        // ruleid: java-tainted-code-eval
        return engine.eval("var r = " + formula + "; r;");
    }

    public Object scriptBound(HttpServletRequest request) throws Exception {
        SimpleBindings bindings = new SimpleBindings();
        bindings.put("x", request.getParameter("x"));
        // ok: java-tainted-code-eval
        return engine.eval("x.length", bindings);
    }
}
