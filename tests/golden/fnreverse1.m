fnreverse1 ; $REVERSE
 write "$re(""abc"")=",$reverse("abc"),!
 write "$re("""")=[",$reverse(""),"]",!
 write "$re(""a"")=",$reverse("a"),!
 write "$re(12345)=",$reverse(12345),!
 write "$re(1.50)=",$reverse(1.50),!
 write "$re(-12)=",$reverse(-12),!
 write "$re(1E3)=",$reverse(1E3),!
 write "$re($re(""hello""))=",$reverse($reverse("hello")),!
 write "palindrome racecar: ",$reverse("racecar")="racecar",!
 write "palindrome abc: ",$reverse("abc")="abc",!
 write "$re(""ab cd"")=",$reverse("ab cd"),!
 write "$re(1/4)=",$reverse(1/4),!
 write "$re(""321abc"")+0=",$reverse("321abc")+0,!
 write "$a($re($c(1,2,3)))=",$ascii($reverse($char(1,2,3))),!
 quit
