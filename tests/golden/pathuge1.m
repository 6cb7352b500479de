pathuge1 ; a huge count on an element that matches nothing is bounded by the subject (GT.M)
 write "7"?100000000"","",?5,""?100000000"",?10,"abc"?1"abc"100000000"",!
 write "aaaa"?2.3(1"",1"aa"),"aaaa"?3.3(1"a",1"aa"),"abab"?1.(1"ab",1""),!
